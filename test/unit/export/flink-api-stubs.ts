/**
 * Minimal stand-ins for the Flink API types the generated Java uses, written for this test from
 * Flink's documented signatures (no Flink jars are available offline). javac then checks that the
 * exported code is valid Java and calls the API with the right shapes and types.
 */
export const FLINK_STUBS: Record<string, string> = {
  'org/apache/flink/cep/pattern/Pattern.java': `package org.apache.flink.cep.pattern;
import java.time.Duration;
import org.apache.flink.cep.nfa.aftermatch.AfterMatchSkipStrategy;
import org.apache.flink.cep.pattern.conditions.IterativeCondition;
public class Pattern<T, F extends T> {
  protected Pattern() {}
  public static <X> Pattern<X, X> begin(String name) { return new Pattern<>(); }
  public static <X> Pattern<X, X> begin(String name, AfterMatchSkipStrategy skip) { return new Pattern<>(); }
  public static <T, F extends T> GroupPattern<T, F> begin(Pattern<T, F> group) { return new GroupPattern<>(); }
  public static <T, F extends T> GroupPattern<T, F> begin(Pattern<T, F> group, AfterMatchSkipStrategy skip) { return new GroupPattern<>(); }
  public Pattern<T, T> next(String name) { return new Pattern<>(); }
  public Pattern<T, T> followedBy(String name) { return new Pattern<>(); }
  public Pattern<T, T> followedByAny(String name) { return new Pattern<>(); }
  public Pattern<T, T> notNext(String name) { return new Pattern<>(); }
  public Pattern<T, T> notFollowedBy(String name) { return new Pattern<>(); }
  public GroupPattern<T, F> next(Pattern<T, F> group) { return new GroupPattern<>(); }
  public GroupPattern<T, F> followedBy(Pattern<T, F> group) { return new GroupPattern<>(); }
  public GroupPattern<T, F> followedByAny(Pattern<T, F> group) { return new GroupPattern<>(); }
  public Pattern<T, F> where(IterativeCondition<F> condition) { return this; }
  public Pattern<T, F> or(IterativeCondition<F> condition) { return this; }
  public Pattern<T, F> until(IterativeCondition<F> condition) { return this; }
  public Pattern<T, F> times(int times) { return this; }
  public Pattern<T, F> times(int times, Duration windowTime) { return this; }
  public Pattern<T, F> times(int from, int to) { return this; }
  public Pattern<T, F> times(int from, int to, Duration windowTime) { return this; }
  public Pattern<T, F> timesOrMore(int times) { return this; }
  public Pattern<T, F> timesOrMore(int times, Duration windowTime) { return this; }
  public Pattern<T, F> oneOrMore() { return this; }
  public Pattern<T, F> oneOrMore(Duration windowTime) { return this; }
  public Pattern<T, F> optional() { return this; }
  public Pattern<T, F> greedy() { return this; }
  public Pattern<T, F> consecutive() { return this; }
  public Pattern<T, F> allowCombinations() { return this; }
  public Pattern<T, F> within(Duration window) { return this; }
  public Pattern<T, F> within(Duration window, WithinType type) { return this; }
}`,
  'org/apache/flink/cep/pattern/GroupPattern.java': `package org.apache.flink.cep.pattern;
public class GroupPattern<T, F extends T> extends Pattern<T, F> {}`,
  'org/apache/flink/cep/pattern/WithinType.java': `package org.apache.flink.cep.pattern;
public enum WithinType { FIRST_AND_LAST, PREVIOUS_AND_CURRENT }`,
  'org/apache/flink/cep/pattern/conditions/IterativeCondition.java': `package org.apache.flink.cep.pattern.conditions;
public abstract class IterativeCondition<T> implements java.io.Serializable {
  public abstract boolean filter(T value, Context<T> ctx) throws Exception;
  public interface Context<T> {
    Iterable<T> getEventsForPattern(String name) throws Exception;
    long timestamp();
  }
}`,
  'org/apache/flink/cep/pattern/conditions/SimpleCondition.java': `package org.apache.flink.cep.pattern.conditions;
public abstract class SimpleCondition<T> extends IterativeCondition<T> implements org.apache.flink.api.common.functions.FilterFunction<T> {
  public abstract boolean filter(T value) throws Exception;
  public static <T> SimpleCondition<T> of(org.apache.flink.api.common.functions.FilterFunction<T> filters) {
    return new SimpleCondition<T>() { @Override public boolean filter(T value) throws Exception { return filters.filter(value); } };
  }
  @Override public boolean filter(T value, Context<T> ctx) throws Exception { return filter(value); }
}`,
  'org/apache/flink/cep/nfa/aftermatch/AfterMatchSkipStrategy.java': `package org.apache.flink.cep.nfa.aftermatch;
public class AfterMatchSkipStrategy {
  public static AfterMatchSkipStrategy noSkip() { return new AfterMatchSkipStrategy(); }
  public static AfterMatchSkipStrategy skipToNext() { return new AfterMatchSkipStrategy(); }
  public static AfterMatchSkipStrategy skipPastLastEvent() { return new AfterMatchSkipStrategy(); }
  public static AfterMatchSkipStrategy skipToFirst(String name) { return new AfterMatchSkipStrategy(); }
  public static AfterMatchSkipStrategy skipToLast(String name) { return new AfterMatchSkipStrategy(); }
  public AfterMatchSkipStrategy throwExceptionOnMiss() { return this; }
}`,
  'org/apache/flink/cep/CEP.java': `package org.apache.flink.cep;
import org.apache.flink.cep.pattern.Pattern;
import org.apache.flink.streaming.api.datastream.DataStream;
public final class CEP {
  public static <T> PatternStream<T> pattern(DataStream<T> input, Pattern<T, ?> pattern) { return new PatternStream<>(); }
}`,
  'org/apache/flink/cep/PatternStream.java': `package org.apache.flink.cep;
import org.apache.flink.cep.functions.PatternProcessFunction;
import org.apache.flink.streaming.api.datastream.SingleOutputStreamOperator;
public class PatternStream<T> {
  public PatternStream<T> inEventTime() { return this; }
  public PatternStream<T> inProcessingTime() { return this; }
  public <R> SingleOutputStreamOperator<R> process(PatternProcessFunction<T, R> fn) { return new SingleOutputStreamOperator<>(); }
}`,
  'org/apache/flink/cep/functions/PatternProcessFunction.java': `package org.apache.flink.cep.functions;
import java.util.List;
import java.util.Map;
import org.apache.flink.util.Collector;
import org.apache.flink.util.OutputTag;
public abstract class PatternProcessFunction<IN, OUT> {
  public abstract void processMatch(Map<String, List<IN>> match, Context ctx, Collector<OUT> out) throws Exception;
  public interface Context {
    <X> void output(OutputTag<X> outputTag, X value);
    long timestamp();
  }
}`,
  'org/apache/flink/cep/functions/TimedOutPartialMatchHandler.java': `package org.apache.flink.cep.functions;
import java.util.List;
import java.util.Map;
public interface TimedOutPartialMatchHandler<IN> {
  void processTimedOutMatch(Map<String, List<IN>> match, PatternProcessFunction.Context ctx) throws Exception;
}`,
  'org/apache/flink/streaming/api/datastream/DataStream.java': `package org.apache.flink.streaming.api.datastream;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.java.functions.KeySelector;
public class DataStream<T> {
  public org.apache.flink.streaming.api.environment.StreamExecutionEnvironment getExecutionEnvironment() { return new org.apache.flink.streaming.api.environment.StreamExecutionEnvironment(); }
  public <K> KeyedStream<T, K> keyBy(KeySelector<T, K> key) { return new KeyedStream<>(); }
  public SingleOutputStreamOperator<T> assignTimestampsAndWatermarks(WatermarkStrategy<T> strategy) { return new SingleOutputStreamOperator<>(); }
}`,
  'org/apache/flink/streaming/api/datastream/KeyedStream.java': `package org.apache.flink.streaming.api.datastream;
public class KeyedStream<T, K> extends DataStream<T> {}`,
  'org/apache/flink/streaming/api/datastream/SingleOutputStreamOperator.java': `package org.apache.flink.streaming.api.datastream;
public class SingleOutputStreamOperator<T> extends DataStream<T> {}`,
  'org/apache/flink/api/java/functions/KeySelector.java': `package org.apache.flink.api.java.functions;
@FunctionalInterface
public interface KeySelector<IN, KEY> extends java.io.Serializable { KEY getKey(IN value) throws Exception; }`,
  'org/apache/flink/api/common/eventtime/SerializableTimestampAssigner.java': `package org.apache.flink.api.common.eventtime;
@FunctionalInterface
public interface SerializableTimestampAssigner<T> extends java.io.Serializable { long extractTimestamp(T element, long recordTimestamp); }`,
  'org/apache/flink/api/common/eventtime/WatermarkStrategy.java': `package org.apache.flink.api.common.eventtime;
import java.time.Duration;
public interface WatermarkStrategy<T> {
  static <T> WatermarkStrategy<T> forBoundedOutOfOrderness(Duration maxOutOfOrderness) { return new WatermarkStrategy<T>() {}; }
  default WatermarkStrategy<T> withTimestampAssigner(SerializableTimestampAssigner<T> assigner) { return this; }
}`,
  'org/apache/flink/streaming/api/environment/StreamExecutionEnvironment.java': `package org.apache.flink.streaming.api.environment;
public class StreamExecutionEnvironment { public org.apache.flink.api.common.ExecutionConfig getConfig() { return new org.apache.flink.api.common.ExecutionConfig(); } }`,
  'org/apache/flink/api/common/ExecutionConfig.java': `package org.apache.flink.api.common;
public class ExecutionConfig { public ExecutionConfig setAutoWatermarkInterval(long interval) { return this; } }`,
  'org/apache/flink/api/common/functions/FilterFunction.java': `package org.apache.flink.api.common.functions;
@FunctionalInterface
public interface FilterFunction<T> extends java.io.Serializable { boolean filter(T value) throws Exception; }`,
  'org/apache/flink/util/Collector.java': `package org.apache.flink.util;
public interface Collector<T> { void collect(T record); }`,
  'org/apache/flink/util/OutputTag.java': `package org.apache.flink.util;
public class OutputTag<T> implements java.io.Serializable { public OutputTag(String id) {} }`,
};
