SELECT *
FROM events
  MATCH_RECOGNIZE (
    PARTITION BY account
    ORDER BY ts
    MEASURES
      FIRST(`start`.ts) AS start_ts,
      FIRST(middle.ts) AS middle_ts,
      FIRST(`end`.ts) AS end_ts
    ONE ROW PER MATCH
    AFTER MATCH SKIP TO FIRST middle
    PATTERN (`start` middle `end`)
    DEFINE
      `start` AS `start`.name = 'a',
      middle AS middle.name = 'b',
      `end` AS `end`.name = 'c'
  ) AS T
