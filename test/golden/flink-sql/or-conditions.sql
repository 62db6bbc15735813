SELECT *
FROM events
  MATCH_RECOGNIZE (
    PARTITION BY account
    ORDER BY ts
    MEASURES
      FIRST(`start`.ts) AS start_ts,
      FIRST(`end`.ts) AS end_ts
    ONE ROW PER MATCH
    AFTER MATCH SKIP TO NEXT ROW
    PATTERN (`start` `end`)
    DEFINE
      `start` AS `start`.name = 'a' OR `start`.kind = 'z' OR `start`.price > 9,
      `end` AS `end`.name = 'b'
  ) AS T
