SELECT *
FROM events
  MATCH_RECOGNIZE (
    PARTITION BY account
    ORDER BY ts
    MEASURES
      FIRST(`start`.ts) AS start_ts,
      FIRST(middle.ts) AS middle_first_ts,
      LAST(middle.ts) AS middle_last_ts,
      COUNT(middle.ts) AS middle_count,
      FIRST(`end`.ts) AS end_ts
    ONE ROW PER MATCH
    AFTER MATCH SKIP PAST LAST ROW
    PATTERN (`start` middle+? `end`)
    DEFINE
      `start` AS `start`.name = 'a',
      middle AS COALESCE(SUM(middle.price), 0) - COALESCE(middle.price, 0) + middle.price < 10,
      `end` AS `end`.price > FIRST(`start`.price)
  ) AS T
