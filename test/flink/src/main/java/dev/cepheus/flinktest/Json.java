package dev.cepheus.flinktest;

import org.apache.flink.shaded.jackson2.com.fasterxml.jackson.annotation.JsonAutoDetect;
import org.apache.flink.shaded.jackson2.com.fasterxml.jackson.annotation.PropertyAccessor;
import org.apache.flink.shaded.jackson2.com.fasterxml.jackson.databind.DeserializationFeature;
import org.apache.flink.shaded.jackson2.com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.flink.util.jackson.JacksonMapperFactory;

/** JSON through Flink's own (shaded) Jackson, the one flink-json uses. */
final class Json {
    private Json() {}

    static ObjectMapper mapper() {
        return JacksonMapperFactory.createObjectMapper();
    }

    /** Reads and writes POJOs by their public fields, ignoring unknown JSON fields (as the generated jobs do). */
    static ObjectMapper fieldMapper() {
        ObjectMapper mapper = JacksonMapperFactory.createObjectMapper();
        mapper.configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
        mapper.setVisibility(PropertyAccessor.ALL, JsonAutoDetect.Visibility.NONE);
        mapper.setVisibility(PropertyAccessor.FIELD, JsonAutoDetect.Visibility.PUBLIC_ONLY);
        return mapper;
    }
}
