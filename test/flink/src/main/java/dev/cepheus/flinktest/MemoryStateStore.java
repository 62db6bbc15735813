package dev.cepheus.flinktest;

import java.lang.reflect.Proxy;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import org.apache.flink.api.common.state.KeyedStateStore;
import org.apache.flink.api.common.state.MapState;
import org.apache.flink.api.common.state.MapStateDescriptor;

/**
 * The state Flink's SharedBuffer keeps, in plain HashMaps: what flink-cep's own NFA tests use a mock
 * keyed state store for. SharedBuffer asks only for map states; anything else fails loudly.
 */
final class MemoryStateStore {
    private MemoryStateStore() {}

    static KeyedStateStore create() {
        Map<String, MapState<?, ?>> states = new HashMap<>();
        return (KeyedStateStore) Proxy.newProxyInstance(
                KeyedStateStore.class.getClassLoader(),
                new Class<?>[] {KeyedStateStore.class},
                (proxy, method, args) -> {
                    if (method.getName().equals("getMapState") && args[0] instanceof MapStateDescriptor) {
                        MapStateDescriptor<?, ?> d = (MapStateDescriptor<?, ?>) args[0];
                        return states.computeIfAbsent(d.getName(), n -> new MemoryMapState<>());
                    }
                    if (method.getName().equals("getBackendTypeIdentifier")) return "memory";
                    throw new UnsupportedOperationException("state not available in the test store: " + method);
                });
    }

    static final class MemoryMapState<K, V> implements MapState<K, V> {
        private final Map<K, V> map = new HashMap<>();

        @Override
        public V get(K key) {
            return map.get(key);
        }

        @Override
        public void put(K key, V value) {
            map.put(key, value);
        }

        @Override
        public void putAll(Map<K, V> values) {
            map.putAll(values);
        }

        @Override
        public void remove(K key) {
            map.remove(key);
        }

        @Override
        public boolean contains(K key) {
            return map.containsKey(key);
        }

        @Override
        public Iterable<Map.Entry<K, V>> entries() {
            return map.entrySet();
        }

        @Override
        public Iterable<K> keys() {
            return map.keySet();
        }

        @Override
        public Iterable<V> values() {
            return map.values();
        }

        @Override
        public Iterator<Map.Entry<K, V>> iterator() {
            return map.entrySet().iterator();
        }

        @Override
        public boolean isEmpty() {
            return map.isEmpty();
        }

        @Override
        public void clear() {
            map.clear();
        }
    }
}
