package io.migrescue.files;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** The digests the tools' histories, names and backups use, as lower-case hex: one place, one spelling. */
public final class Digests {
    private Digests() {}

    public static String sha256Hex(byte[] bytes) {
        return HexFormat.of().formatHex(sha256(bytes));
    }

    public static String sha256Hex(String text) {
        return sha256Hex(text.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * SHA-256 of a file read as UTF-8 text, as Node's {@code readFileSync().toString()} then {@code createHash('sha256')}
     * (Drizzle's migration hash): bytes that are not UTF-8 are replaced before hashing, as Node replaces them.
     */
    public static String sha256HexOfText(java.nio.file.Path file) throws java.io.IOException {
        return sha256Hex(new String(java.nio.file.Files.readAllBytes(file), StandardCharsets.UTF_8));
    }

    public static byte[] sha256(byte[] bytes) {
        return digest("SHA-256").digest(bytes);
    }

    public static String md5Hex(String text) {
        return HexFormat.of().formatHex(md5(text.getBytes(StandardCharsets.UTF_8)));
    }

    public static byte[] md5(byte[] bytes) {
        return digest("MD5").digest(bytes);
    }

    /** A fresh digest, for input read in pieces. */
    public static MessageDigest digest(String algorithm) {
        try {
            return MessageDigest.getInstance(algorithm);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has " + algorithm, e); // required of every Java platform
        }
    }
}
