"""The OpenAPI document turned into what a GOV.UK page lists: each operation, its parameters,
its body's fields by path, and its answers."""

from dataclasses import dataclass

_TYPE_WORDS = {
    "string": "text",
    "integer": "whole number",
    "number": "number",
    "boolean": "true or false",
    "array": "list",
    "object": "object",
    "null": "null",
}


@dataclass(frozen=True)
class FieldRow:
    path: str
    kind: str
    required: bool
    description: str


@dataclass(frozen=True)
class Operation:
    method: str
    path: str
    summary: str
    description: str
    parameters: list[dict]
    fields: list[FieldRow]
    responses: list[tuple[str, str]]

    @property
    def anchor(self) -> str:
        return self.summary.lower().replace(" ", "-").replace("'", "")


def _kind(schema: dict) -> str:
    if "anyOf" in schema:
        return " or ".join(_kind(branch) for branch in schema["anyOf"])
    kinds = schema.get("type", "object")
    words = " or ".join(
        _TYPE_WORDS[kind] for kind in ([kinds] if isinstance(kinds, str) else kinds)
    )
    if schema.get("enum"):
        codes = ", ".join(str(code) for code in schema["enum"] if code not in (None, ""))
        words += f": one of {codes}"
    if schema.get("maxLength"):
        words += f", at most {schema['maxLength']} characters"
    return words


def _fields(schema: dict, path: str = "", required: bool = True) -> list[FieldRow]:
    """Every field of a body, by path ("parents[].email"), nested objects opened."""
    if "anyOf" in schema:
        objects = [branch for branch in schema["anyOf"] if "properties" in branch]
        if objects:
            return _fields(objects[0], path, required)
    if schema.get("type") == "array" and "items" in schema:
        return _fields(schema["items"], f"{path}[]", required)
    rows = []
    needed = set(schema.get("required", []))
    for name, inner in schema.get("properties", {}).items():
        inner_path = f"{path}.{name}" if path else name
        rows.append(
            FieldRow(inner_path, _kind(inner), name in needed, inner.get("description", ""))
        )
        rows.extend(_fields(inner, inner_path, name in needed) if _opens(inner) else [])
    return rows


def _opens(schema: dict) -> bool:
    branches = schema.get("anyOf", [schema])
    return any("properties" in b or "properties" in b.get("items", {}) for b in branches)


def operations(schema: dict) -> list[Operation]:
    listed = []
    for path, methods in schema.get("paths", {}).items():
        for method, operation in methods.items():
            body = operation.get("requestBody", {}).get("content", {}).get("application/json")
            listed.append(
                Operation(
                    method=method.upper(),
                    path=path,
                    summary=operation.get("summary", ""),
                    description=operation.get("description", ""),
                    parameters=operation.get("parameters", []),
                    fields=_fields(body["schema"]) if body else [],
                    responses=[
                        (code, answer.get("description", ""))
                        for code, answer in operation.get("responses", {}).items()
                    ],
                )
            )
    return listed
