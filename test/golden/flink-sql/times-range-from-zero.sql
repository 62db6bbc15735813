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
    PATTERN (`start` middle{0,3}? `end`)
    DEFINE
      `start` AS `start`.name = 'a',
      middle AS middle.name = 'b',
      `end` AS `end`.name = 'c'
  ) AS T
