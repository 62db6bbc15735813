SELECT *
FROM events
  MATCH_RECOGNIZE (
    PARTITION BY host
    ORDER BY ts
    MEASURES
      FIRST(hot.ts) AS hot_first_ts,
      LAST(hot.ts) AS hot_last_ts,
      COUNT(hot.ts) AS hot_count
    ONE ROW PER MATCH
    AFTER MATCH SKIP PAST LAST ROW
    PATTERN (hot{10,10}) WITHIN INTERVAL '5' MINUTE
    DEFINE
      hot AS hot.cpu > 90
  ) AS T
