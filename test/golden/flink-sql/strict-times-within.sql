SELECT *
FROM events
  MATCH_RECOGNIZE (
    PARTITION BY account
    ORDER BY ts
    MEASURES
      FIRST(`start`.ts) AS start_ts,
      FIRST(middle.ts) AS middle_first_ts,
      LAST(middle.ts) AS middle_last_ts,
      COUNT(middle.ts) AS middle_count
    ONE ROW PER MATCH
    AFTER MATCH SKIP PAST LAST ROW
    PATTERN (`start` middle{3,3}) WITHIN INTERVAL '1' HOUR
    DEFINE
      `start` AS `start`.name = 'a' AND `start`.price > 5,
      middle AS middle.kind = 'w'
  ) AS T
