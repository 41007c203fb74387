"""A run's tables, added up in the database: one statement reads every accepted return's
counts out of its JSON (as national.tables places them) and adds them up for each LA, each
published region and England at once (GROUPING SETS), writing the rows it makes."""

from django.db import connection

from national.geography import COUNTRY_CODE
from national.models import AreaCount, GeographicLevel, ReturnStatus
from national.tables import FILES, TOTAL, TOTAL_CODE

# Rows of a topic are numbered within it; topics are this far apart in each file's order.
_TOPIC_STEP = 1000


def _topic_rows(published_file, index: int, topic) -> tuple[str, list]:
    """One SELECT giving (file, topic, code, label, position, count) for a return `r`."""
    path = "{" + ",".join(topic.path) + "}"
    position = index * _TOPIC_STEP
    if topic.scalar:
        code, label = topic.scalar
        sql = "SELECT %s, %s, %s, %s, %s, (r.payload #>> %s)::bigint"
        return sql, [published_file.name, topic.name, code, label, position, path]
    sql = (
        "SELECT %s, %s, e.value->>'code', e.value->>'label', %s + e.ordinality::int, "
        "(e.value->>'count')::bigint "
        "FROM jsonb_array_elements(CASE WHEN jsonb_typeof(r.payload #> %s) = 'array' "
        "THEN r.payload #> %s ELSE '[]'::jsonb END) WITH ORDINALITY AS e(value, ordinality)"
    )
    return sql, [published_file.name, topic.name, position, path, path]


def _items_statement() -> tuple[str, list]:
    parts, params = [], []
    for published_file in FILES:
        for index, topic in enumerate(published_file.topics):
            sql, topic_params = _topic_rows(published_file, index, topic)
            parts.append(sql)
            params += topic_params
    return " UNION ALL ".join(parts), params


def run_tables_add_up(run_id: int) -> int:
    """Replace the run's tables with those of its accepted returns; the rows written.

    Call inside the transaction that records the run's results, so the tables are never
    those of some returns and not others.
    """
    items, item_params = _items_statement()
    AreaCount.objects.filter(run_id=run_id).delete()
    table = AreaCount._meta.db_table
    statement = f"""
        INSERT INTO {table} (run_id, file, geographic_level, area_code, breakdown_topic,
                             breakdown_code, breakdown, position, child_count)
        SELECT %s, item.file,
               CASE GROUPING(s.region_code, s.new_la_code)
                    WHEN 0 THEN %s WHEN 1 THEN %s ELSE %s END,
               COALESCE(s.new_la_code, s.region_code, %s),
               item.topic, item.code, MAX(item.label), MIN(item.position), SUM(item.count)
        FROM (
            -- Each return read out of storage once: the counts are many look-ups into it,
            -- and each look-up into the stored (compressed) value would unpack it again.
            SELECT source_id, payload || '{{}}'::jsonb AS payload
            FROM national_lareturnresult
            WHERE run_id = %s AND status = %s
            OFFSET 0
        ) AS r
        JOIN national_source s ON s.id = r.source_id
        CROSS JOIN LATERAL ({items}) AS item(file, topic, code, label, position, count)
        GROUP BY item.file, item.topic, item.code,
                 GROUPING SETS ((s.region_code, s.new_la_code), (s.region_code), ())
    """
    params = [
        run_id,
        GeographicLevel.LOCAL_AUTHORITY,
        GeographicLevel.REGIONAL,
        GeographicLevel.NATIONAL,
        COUNTRY_CODE,
        run_id,
        ReturnStatus.VALID,
        *item_params,
    ]
    with connection.cursor() as cursor:
        cursor.execute(statement, params)
        written = cursor.rowcount
        cursor.execute(
            _COUNTED_ONCE,
            [
                run_id,
                ReturnStatus.VALID,
                COUNTRY_CODE,
                run_id,
                TOTAL,
                TOTAL_CODE,
                list(COUNTED_ONCE_IN),
            ],
        )
    return written


# A child in two LAs' returns (the same keyed pseudonym) is counted once in each region's and
# England's totals of children home educated on the census date; each LA still counts them.
COUNTED_ONCE_IN = ("ehe_census", "ehe_sen")
_PSEUDONYMS = "'{pseudonyms,elective_home_education}'"
_COUNTED_ONCE = f"""
    WITH pseudonym AS (
        SELECT s.region_code, p.value
        FROM national_lareturnresult r
        JOIN national_source s ON s.id = r.source_id
        CROSS JOIN LATERAL jsonb_array_elements_text(
            CASE WHEN jsonb_typeof(r.payload #> {_PSEUDONYMS}) = 'array'
                 THEN r.payload #> {_PSEUDONYMS} ELSE '[]'::jsonb END
        ) AS p(value)
        WHERE r.run_id = %s AND r.status = %s
    ), twice AS (
        SELECT COALESCE(region_code, %s) AS area_code,
               COUNT(*) - COUNT(DISTINCT value) AS extra
        FROM pseudonym
        GROUP BY GROUPING SETS ((region_code), ())
    )
    UPDATE national_areacount AS total
    SET child_count = total.child_count - twice.extra
    FROM twice
    WHERE total.run_id = %s AND total.area_code = twice.area_code AND twice.extra > 0
      AND total.breakdown_topic = %s AND total.breakdown_code = %s
      AND total.file = ANY(%s)
"""
