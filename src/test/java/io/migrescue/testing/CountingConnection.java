package io.migrescue.testing;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.util.concurrent.atomic.AtomicInteger;

/** Wraps a connection and counts the statements created on it: round trips, not rows. */
public final class CountingConnection {
    private final AtomicInteger statements = new AtomicInteger();
    private final Connection proxy;

    public CountingConnection(Connection target) {
        proxy = (Connection) Proxy.newProxyInstance(
                Connection.class.getClassLoader(), new Class<?>[] {Connection.class}, (p, method, args) -> {
                    if (method.getName().equals("prepareStatement")
                            || method.getName().equals("createStatement")
                            || method.getName().equals("prepareCall")) {
                        statements.incrementAndGet();
                    }
                    try {
                        return method.invoke(target, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }

    public Connection connection() {
        return proxy;
    }

    public int statements() {
        return statements.get();
    }
}
