package dev.cepheus.flinktest;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.PrintStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.core.fs.Path;
import org.apache.flink.runtime.minicluster.MiniCluster;
import org.apache.flink.runtime.minicluster.MiniClusterConfiguration;
import org.apache.flink.shaded.jackson2.com.fasterxml.jackson.databind.JsonNode;
import org.apache.flink.shaded.jackson2.com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.flink.shaded.jackson2.com.fasterxml.jackson.databind.node.ArrayNode;
import org.apache.flink.shaded.jackson2.com.fasterxml.jackson.databind.node.ObjectNode;
import org.apache.flink.streaming.util.TestStreamEnvironment;
import org.apache.flink.table.api.TableResult;
import org.apache.flink.table.api.bridge.java.StreamTableEnvironment;
import org.apache.flink.types.Row;
import org.apache.flink.util.CloseableIterator;
import org.apache.flink.util.TimeUtils;

/** One local Flink MiniCluster for all the jobs and SQL scripts of a run. */
final class LocalFlink implements AutoCloseable {
    private final MiniCluster cluster;

    LocalFlink() throws Exception {
        Configuration conf = new Configuration();
        conf.setString("taskmanager.memory.managed.size", "64m");
        conf.setString("taskmanager.memory.network.min", "32m");
        conf.setString("taskmanager.memory.network.max", "32m");
        cluster = new MiniCluster(new MiniClusterConfiguration.Builder()
                .setConfiguration(conf)
                .setNumTaskManagers(1)
                .setNumSlotsPerTaskManager(2)
                .build());
        cluster.start();
    }

    /**
     * jobs: [{"name", "jar", "mainClass", "args": [...]}]. Each generated job's jar is loaded as
     * `flink run` would (its main builds the job with StreamExecutionEnvironment.getExecutionEnvironment(),
     * here bound to the MiniCluster) and its stdout lines (the JSON results) are collected.
     */
    ArrayNode runJobs(ObjectMapper json, JsonNode jobs) throws Exception {
        ArrayNode results = json.createArrayNode();
        for (JsonNode job : jobs) {
            ObjectNode r = results.addObject();
            r.put("name", job.get("name").asText());
            File jar = new File(job.get("jar").asText());
            List<String> args = new ArrayList<>();
            job.get("args").forEach(a -> args.add(a.asText()));
            ByteArrayOutputStream captured = new ByteArrayOutputStream();
            PrintStream stdout = System.out;
            ClassLoader previous = Thread.currentThread().getContextClassLoader();
            long started = System.nanoTime();
            try (URLClassLoader loader = new URLClassLoader(new URL[] {jar.toURI().toURL()}, LocalFlink.class.getClassLoader())) {
                TestStreamEnvironment.setAsContext(cluster, 1, List.of(new Path(jar.toURI())), List.of());
                Thread.currentThread().setContextClassLoader(loader);
                System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
                loader.loadClass(job.get("mainClass").asText())
                        .getMethod("main", String[].class)
                        .invoke(null, (Object) args.toArray(new String[0]));
            } catch (Throwable t) {
                Throwable cause = t instanceof java.lang.reflect.InvocationTargetException ? t.getCause() : t;
                r.put("error", describe(cause));
            } finally {
                System.setOut(stdout);
                Thread.currentThread().setContextClassLoader(previous);
                TestStreamEnvironment.unsetAsContext();
            }
            r.put("seconds", (System.nanoTime() - started) / 1e9);
            ArrayNode lines = r.putArray("lines");
            for (String line : captured.toString(StandardCharsets.UTF_8).split("\n")) {
                String l = line.replaceFirst("^\\d+> ", "").trim();
                if (l.startsWith("{")) lines.add(json.readTree(l));
            }
            System.err.printf("job %s: %d lines in %.1f s%s%n", job.get("name").asText(), lines.size(),
                    r.get("seconds").asDouble(), r.has("error") ? " ERROR " + r.get("error").asText() : "");
        }
        return results;
    }

    /**
     * sql: [{"name", "statements": [DDL…], "query": "SELECT …"}]: the statements run in a streaming
     * table environment on the MiniCluster (UTC session time zone), then the query's rows are collected;
     * TIMESTAMP values become epoch milliseconds.
     */
    private static final Pattern SET_STATEMENT = Pattern.compile("(?s)SET\\s+'((?:[^']|'')*)'\\s*=\\s*'((?:[^']|'')*)'\\s*;?");

    ArrayNode runSql(ObjectMapper json, JsonNode scripts) {
        ArrayNode results = json.createArrayNode();
        for (JsonNode script : scripts) {
            ObjectNode r = results.addObject();
            r.put("name", script.get("name").asText());
            long started = System.nanoTime();
            try {
                TestStreamEnvironment env = new TestStreamEnvironment(cluster, 1);
                StreamTableEnvironment tables = StreamTableEnvironment.create(env);
                tables.getConfig().set("table.local-time-zone", "UTC");
                for (JsonNode statement : script.get("statements")) {
                    // SET 'key' = 'value' is the SQL client's; executeSql() refuses it, so it is applied here.
                    Matcher set = SET_STATEMENT.matcher(statement.asText());
                    if (!set.matches()) {
                        tables.executeSql(statement.asText());
                        continue;
                    }
                    String key = set.group(1).replace("''", "'"), value = set.group(2).replace("''", "'");
                    tables.getConfig().set(key, value);
                    if (key.equals("pipeline.auto-watermark-interval"))
                        env.getConfig().setAutoWatermarkInterval(TimeUtils.parseDuration(value).toMillis());
                }
                TableResult result = tables.executeSql(script.get("query").asText());
                List<String> columns = result.getResolvedSchema().getColumnNames();
                ArrayNode rows = r.putArray("rows");
                try (CloseableIterator<Row> it = result.collect()) {
                    while (it.hasNext()) {
                        Row row = it.next();
                        ObjectNode o = rows.addObject();
                        for (int i = 0; i < columns.size(); i++) o.set(columns.get(i), json.valueToTree(plain(row.getField(i))));
                    }
                }
            } catch (Throwable t) {
                r.put("error", describe(t));
            }
            r.put("seconds", (System.nanoTime() - started) / 1e9);
            System.err.printf("sql %s: %s in %.1f s%n", script.get("name").asText(),
                    r.has("error") ? "ERROR " + r.get("error").asText() : r.get("rows").size() + " rows", r.get("seconds").asDouble());
        }
        return results;
    }

    private static Object plain(Object value) {
        if (value instanceof Instant) return ((Instant) value).toEpochMilli();
        if (value instanceof LocalDateTime) return ((LocalDateTime) value).toInstant(ZoneOffset.UTC).toEpochMilli();
        return value;
    }

    private static String describe(Throwable t) {
        StringBuilder s = new StringBuilder();
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (s.length() > 0) s.append(" <- ");
            s.append(c.getClass().getSimpleName()).append(": ").append(c.getMessage());
        }
        return s.toString();
    }

    @Override
    public void close() throws Exception {
        cluster.close();
    }
}
