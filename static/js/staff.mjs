import { initAll as govukInitAll } from "../govuk-frontend/govuk-frontend.min.js";
import { initAll as mojInitAll } from "../moj-frontend/moj-frontend.mjs";

govukInitAll();
mojInitAll();
