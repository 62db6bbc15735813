package dev.cepheus.flinktest;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.flink.api.common.serialization.SerializerConfigImpl;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeutils.TypeSerializer;
import org.apache.flink.api.java.tuple.Tuple2;
import org.apache.flink.cep.nfa.NFA;
import org.apache.flink.cep.nfa.NFAState;
import org.apache.flink.cep.nfa.aftermatch.AfterMatchSkipStrategy;
import org.apache.flink.cep.nfa.compiler.NFACompiler;
import org.apache.flink.cep.nfa.sharedbuffer.SharedBuffer;
import org.apache.flink.cep.nfa.sharedbuffer.SharedBufferAccessor;
import org.apache.flink.cep.pattern.Pattern;
import org.apache.flink.shaded.jackson2.com.fasterxml.jackson.databind.JsonNode;
import org.apache.flink.shaded.jackson2.com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.flink.shaded.jackson2.com.fasterxml.jackson.databind.node.ArrayNode;
import org.apache.flink.shaded.jackson2.com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The differential test's Flink side. Each case is a pattern class exported by Cepheus (flink-java)
 * and a sequence of events; the pattern runs through Flink's own NFACompiler, NFA and SharedBuffer,
 * driven as flink-cep's NFATestHarness does: per event advanceTime(ts) then process(event, ts), and
 * one last advanceTime(end) so pending timeouts and trailing notFollowedBy matches come out too.
 * Each output names the step and phase that produced it; events are named by their `eid` field.
 */
final class Differential {
    private Differential() {}

    /**
     * CPU time far above any real case (12 events): a case that has used this much is stuck in a loop.
     * CPU time, not wall time, so a busy machine cannot make a slow case look like a hang.
     */
    private static final long CASE_TIMEOUT_MS = 2_000;

    private static boolean finishes(Thread worker) throws InterruptedException {
        java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
        while (worker.isAlive()) {
            worker.join(50);
            long cpu = threads.getThreadCpuTime(worker.getId());
            if (worker.isAlive() && cpu > CASE_TIMEOUT_MS * 1_000_000L) return false;
        }
        return true;
    }

    /** The exception and, for unexpected ones (not Flink's own pattern errors), where Flink threw it. */
    private static String describe(Throwable t) {
        StringBuilder s = new StringBuilder(t.getClass().getSimpleName() + ": " + t.getMessage());
        Throwable root = t;
        while (root.getCause() != null) root = root.getCause();
        if (root instanceof NullPointerException || root instanceof ClassCastException) {
            s.append(" [").append(root.getClass().getSimpleName());
            StackTraceElement[] frames = root.getStackTrace();
            for (int i = 0; i < Math.min(3, frames.length); i++) s.append(" at ").append(frames[i]);
            s.append("]");
        }
        return s.toString();
    }

    @SuppressWarnings({"deprecation", "removal"})
    private static void stop(Thread worker) throws InterruptedException {
        worker.stop(); // the only way to end a thread spinning inside library code (Java 17)
        worker.join(1_000);
    }

    static ArrayNode run(ObjectMapper json, JsonNode plan) throws Exception {
        InMemoryCompiler compiler = new InMemoryCompiler();
        Map<String, String> sources = new LinkedHashMap<>();
        plan.get("sources").fields().forEachRemaining(e -> sources.put(e.getKey(), e.getValue().asText()));
        long started = System.nanoTime();
        List<String> errors = compiler.compile(sources);
        System.err.printf("differential: compiled %d classes in %.1f s%n", sources.size(), (System.nanoTime() - started) / 1e9);
        ArrayNode results = json.createArrayNode();
        Class<?> eventClass = compiler.loader().loadClass(plan.get("eventClass").asText());
        @SuppressWarnings({"unchecked", "rawtypes"})
        TypeSerializer<Object> serializer =
                (TypeSerializer) TypeInformation.of(eventClass).createSerializer(new SerializerConfigImpl());
        ObjectMapper events = Json.fieldMapper();
        for (JsonNode c : plan.get("cases")) {
            ObjectNode result = results.addObject();
            result.put("id", c.get("id").asText());
            String className = c.get("className").asText();
            String sourceName = className.replace('.', '/') + ".java";
            List<String> caseErrors = new ArrayList<>();
            for (String e : errors) if (e.startsWith("/" + sourceName) || e.contains(sourceName)) caseErrors.add(e);
            if (!caseErrors.isEmpty()) {
                result.put("compileError", String.join("\n", caseErrors));
                continue;
            }
            Class<?> patternClass = compiler.loader().loadClass(className);
            Throwable[] failure = new Throwable[1];
            Thread worker = new Thread(() -> {
                try {
                    runCase(patternClass, eventClass, serializer, events, c, result);
                } catch (Throwable t) {
                    failure[0] = t;
                }
            }, "case-" + c.get("id").asText());
            worker.setDaemon(true);
            worker.start();
            if (!finishes(worker)) {
                // Flink's NFA loops forever on some patterns (see the README of test/flink): stop it, report it.
                stop(worker);
                result.put("hang", "Flink's NFA was still running after " + CASE_TIMEOUT_MS + " ms of CPU time");
                System.err.println("differential: case " + c.get("id").asText() + " hangs in Flink's NFA");
                continue;
            }
            if (failure[0] != null) {
                Throwable t = failure[0];
                Throwable cause = t instanceof java.lang.reflect.InvocationTargetException ? t.getCause() : t;
                result.put("error", describe(cause));
            }
        }
        return results;
    }

    @SuppressWarnings("unchecked")
    private static void runCase(
            Class<?> patternClass,
            Class<?> eventClass,
            TypeSerializer<Object> serializer,
            ObjectMapper mapper,
            JsonNode c,
            ObjectNode result)
            throws Exception {
        Pattern<Object, ?> pattern = (Pattern<Object, ?>) patternClass.getMethod("pattern").invoke(null);
        NFA<Object> nfa = NFACompiler.compileFactory(pattern, true).createNFA();
        AfterMatchSkipStrategy skip = pattern.getAfterMatchSkipStrategy();
        NFAState state = nfa.createInitialNFAState();
        SharedBuffer<Object> buffer = new SharedBuffer<>(MemoryStateStore.create(), serializer);
        ArrayNode outputs = result.putArray("outputs");
        JsonNode events = c.get("events");
        for (int step = 0; step < events.size(); step++) {
            JsonNode e = events.get(step);
            result.put("step", step); // the step an exception comes from
            long ts = e.get("ts").asLong();
            Object event = mapper.treeToValue(e.get("event"), eventClass);
            try (SharedBufferAccessor<Object> accessor = buffer.getAccessor()) {
                Tuple2<Collection<Map<String, List<Object>>>, Collection<Tuple2<Map<String, List<Object>>, Long>>> advanced =
                        nfa.advanceTime(accessor, state, ts, skip);
                report(outputs, step, "advance", advanced, mapper);
            }
            try (SharedBufferAccessor<Object> accessor = buffer.getAccessor()) {
                Collection<Map<String, List<Object>>> matches = nfa.process(accessor, state, event, ts, skip, () -> 0L);
                for (Map<String, List<Object>> m : matches) output(outputs, step, "process", "match", null, m, mapper);
            }
        }
        if (c.has("end")) {
            result.put("step", events.size());
            try (SharedBufferAccessor<Object> accessor = buffer.getAccessor()) {
                report(outputs, events.size(), "advance", nfa.advanceTime(accessor, state, c.get("end").asLong(), skip), mapper);
            }
        }
    }

    private static void report(
            ArrayNode outputs,
            int step,
            String phase,
            Tuple2<Collection<Map<String, List<Object>>>, Collection<Tuple2<Map<String, List<Object>>, Long>>> advanced,
            ObjectMapper mapper) {
        for (Map<String, List<Object>> m : advanced.f0) output(outputs, step, phase, "match", null, m, mapper);
        for (Tuple2<Map<String, List<Object>>, Long> t : advanced.f1) output(outputs, step, phase, "timeout", t.f1, t.f0, mapper);
    }

    private static void output(
            ArrayNode outputs, int step, String phase, String kind, Long timestamp, Map<String, List<Object>> match, ObjectMapper mapper) {
        ObjectNode o = outputs.addObject();
        o.put("step", step);
        o.put("phase", phase);
        o.put("kind", kind);
        if (timestamp != null) o.put("timestamp", timestamp);
        ArrayNode stages = o.putArray("stages");
        for (Map.Entry<String, List<Object>> s : match.entrySet()) {
            ArrayNode pair = stages.addArray();
            pair.add(s.getKey());
            ArrayNode ids = pair.addArray();
            for (Object event : s.getValue()) ids.add(mapper.valueToTree(event).get("eid").asInt());
        }
    }
}
