package org.edm.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * Both APIs as one real HTTP server on a free port, answering canned JSON per method and
 * path (query ignored): the web module's controllers are tested over real HTTP without
 * the services. Records what it was asked.
 */
public final class FakeApis implements AutoCloseable {

    /** A canned answer. */
    public record Answer(int status, String contentType, String body) {

        public static Answer json(String body) {
            return new Answer(200, "application/json", body);
        }

        public static Answer problem(int status, String slug, String detail) {
            return new Answer(status, "application/problem+json", "{\"type\":\"https://edm.example/problems/" + slug
                    + "\",\"status\":" + status + ",\"detail\":\"" + detail + "\"}");
        }
    }

    /** One request the fake received. */
    public record Received(String method, String path, String query, String authorization, byte[] body) {
    }

    private final HttpServer server;

    private final Map<String, Answer> answers = new ConcurrentHashMap<>();

    public final List<Received> received = new CopyOnWriteArrayList<>();

    public FakeApis() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/", this::handle);
        server.start();
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    public FakeApis on(String method, String path, Answer answer) {
        answers.put(method + " " + path, answer);
        return this;
    }

    public void reset() {
        answers.clear();
        received.clear();
    }

    private void handle(HttpExchange exchange) throws IOException {
        byte[] body = exchange.getRequestBody().readAllBytes();
        String path = exchange.getRequestURI().getPath();
        String query = exchange.getRequestURI().getRawQuery();
        received.add(new Received(exchange.getRequestMethod(), path, query == null ? "" : query,
                String.valueOf(exchange.getRequestHeaders().getFirst("Authorization")), body));
        Answer answer = answers.getOrDefault(exchange.getRequestMethod() + " " + path,
                Answer.problem(404, "not-found", "no such path"));
        byte[] bytes = answer.body().getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", answer.contentType());
        exchange.sendResponseHeaders(answer.status(), bytes.length == 0 ? -1 : bytes.length);
        if (bytes.length > 0) {
            exchange.getResponseBody().write(bytes);
        }
        exchange.close();
    }

    @Override
    public void close() {
        server.stop(0);
    }

}
