SELECT *
FROM events
  MATCH_RECOGNIZE (
    PARTITION BY account
    ORDER BY ts
    MEASURES
      FIRST(`start`.ts) AS start_ts,
      FIRST(maybe.ts) AS maybe_ts,
      FIRST(`end`.ts) AS end_ts
    ONE ROW PER MATCH
    AFTER MATCH SKIP PAST LAST ROW
    PATTERN (`start` maybe? `end`)
    DEFINE
      `start` AS `start`.name = 'a',
      maybe AS maybe.name = 'b',
      `end` AS `end`.name = 'c'
  ) AS T
