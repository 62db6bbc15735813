package dev.cepheus.flinktest;

import java.io.File;
import org.apache.flink.shaded.jackson2.com.fasterxml.jackson.databind.JsonNode;
import org.apache.flink.shaded.jackson2.com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.flink.shaded.jackson2.com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * One JVM for every real-Flink check (test/flink/run.ts writes the plan and reads the results):
 *   java dev.cepheus.flinktest.Main plan.json results.json
 * plan: {"differential": {...}?, "jobs": [...]?, "sql": [...]?}; each part is documented in its class.
 */
public final class Main {
    private Main() {}

    public static void main(String[] args) throws Exception {
        ObjectMapper json = Json.mapper();
        JsonNode plan = json.readTree(new File(args[0]));
        ObjectNode results = json.createObjectNode();
        if (plan.has("differential")) results.set("differential", Differential.run(json, plan.get("differential")));
        if (plan.has("jobs") || plan.has("sql")) {
            try (LocalFlink flink = new LocalFlink()) {
                if (plan.has("jobs")) results.set("jobs", flink.runJobs(json, plan.get("jobs")));
                if (plan.has("sql")) results.set("sql", flink.runSql(json, plan.get("sql")));
            }
        }
        json.writeValue(new File(args[1]), results);
        // MiniCluster and Netty leave non-daemon threads behind; the results are written, so end here.
        System.exit(0);
    }
}
