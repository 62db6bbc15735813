SELECT *
FROM events
  MATCH_RECOGNIZE (
    PARTITION BY account
    ORDER BY ts
    MEASURES
      FIRST(`start`.ts) AS start_ts,
      FIRST(rest.ts) AS rest_first_ts,
      LAST(rest.ts) AS rest_last_ts,
      COUNT(rest.ts) AS rest_count
    ONE ROW PER MATCH
    AFTER MATCH SKIP PAST LAST ROW
    PATTERN (`start` rest{2,}?) WITHIN INTERVAL '0.250' SECOND
    DEFINE
      `start` AS `start`.name = 'a',
      rest AS rest.price >= 2
  ) AS T
