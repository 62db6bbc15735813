/** Identifier quoting for Flink SQL (Calcite with backticks). */

// Words Calcite/Flink reserve, plus the MATCH_RECOGNIZE vocabulary: quoting them keeps names safe.
const RESERVED = new Set(
  `ALL ALLOW AND ANY ARRAY AS ASC AT AVG BETWEEN BIGINT BOOLEAN BOTH BY CASE CAST CHAR CLASSIFIER COLLECT COUNT CREATE CROSS CUBE CURRENT DATE DAY DEFINE DELETE DESC DISTINCT DOUBLE DROP ELSE END ESCAPE EVERY EXCEPT EXISTS EXPLAIN FALSE FETCH FILTER FINAL FIRST FLOAT FOR FROM FULL FUNCTION GROUP HAVING HOUR IN INNER INSERT INT INTEGER INTERSECT INTERVAL INTO IS JOIN LAST LEFT LIKE LIMIT MATCH MATCHES MATCH_NUMBER MATCH_RECOGNIZE MAX MEASURES MIN MINUTE MONTH NATURAL NEXT NO NOT NULL OF OFFSET ON ONE OR ORDER OUTER OVER PARTITION PAST PATTERN PER PERMUTE PREV RANGE RIGHT ROW ROWS RUNNING SECOND SELECT SET SHOW SKIP SOME START SUBSET SUM SYSTEM TABLE THEN TIME TIMESTAMP TO TRUE UNION UNKNOWN UPDATE USER USING VALUE VALUES WHEN WHERE WINDOW WITH WITHIN YEAR`.split(
    ' ',
  ),
);

/** A Flink SQL identifier, back-quoted when it is not a plain word or is a keyword. */
export function sqlIdent(name: string): string {
  if (/^[A-Za-z_][A-Za-z0-9_]*$/.test(name) && !RESERVED.has(name.toUpperCase())) return name;
  return '`' + name.replace(/`/g, '``') + '`';
}

/** `catalog.db.table` with each part quoted as needed. */
export function sqlQualifiedName(name: string): string {
  return name.split('.').map(sqlIdent).join('.');
}

/** A column path `user.id` as Flink reads nested ROW fields. */
export function sqlColumn(path: string): string {
  return path.split('.').map(sqlIdent).join('.');
}
