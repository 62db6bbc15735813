SELECT *
FROM events
  MATCH_RECOGNIZE (
    PARTITION BY userId
    ORDER BY ts
    MEASURES
      FIRST(failures.ts) AS failures_first_ts,
      LAST(failures.ts) AS failures_last_ts,
      COUNT(failures.ts) AS failures_count,
      FIRST(success.ts) AS success_ts
    ONE ROW PER MATCH
    AFTER MATCH SKIP PAST LAST ROW
    PATTERN (failures{3,3} success) WITHIN INTERVAL '10' MINUTE
    DEFINE
      failures AS failures.type = 'login' AND failures.status = 'failed',
      success AS success.type = 'login' AND success.status = 'ok' AND success.knownDevice = FALSE
  ) AS T
