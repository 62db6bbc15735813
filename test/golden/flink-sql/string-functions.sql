SELECT *
FROM events
  MATCH_RECOGNIZE (
    PARTITION BY account
    ORDER BY ts
    MEASURES
      FIRST(`start`.ts) AS start_ts,
      FIRST(`end`.ts) AS end_ts
    ONE ROW PER MATCH
    AFTER MATCH SKIP PAST LAST ROW
    PATTERN (`start` `end`)
    DEFINE
      `start` AS `start`.name LIKE 'a%' AND `start`.kind IN ('w', 'x'),
      `end` AS REGEXP(`end`.kind, '^(?:z[0-9]+)\z') OR LOWER(`end`.name) = 'b'
  ) AS T
