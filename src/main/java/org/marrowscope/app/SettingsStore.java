package org.marrowscope.app;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.marrowscope.io.AtomicFiles;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Settings as a JSON file, written atomically. A missing or unreadable file gives the defaults (an unreadable
 * one is logged, not fatal: losing window geometry must never stop the app from starting).
 */
public final class SettingsStore {

    private static final Logger LOG = LoggerFactory.getLogger(SettingsStore.class);
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private final Path file;
    private Settings current;

    public SettingsStore(Path file) {
        this.file = file;
        this.current = load(file);
    }

    private static Settings load(Path file) {
        if (!Files.isRegularFile(file)) {
            return Settings.DEFAULTS;
        }
        try {
            return JSON.readValue(file.toFile(), Settings.class);
        } catch (IOException e) {
            LOG.warn("Ignoring unreadable settings file {}: {}", file, e.getMessage());
            return Settings.DEFAULTS;
        }
    }

    public Path file() {
        return file;
    }

    public synchronized Settings get() {
        return current;
    }

    /** Replaces the settings and writes them; a failed write keeps the new settings for this session. */
    public synchronized void set(Settings value) {
        current = value;
        try {
            AtomicFiles.write(file, JSON.writeValueAsBytes(value));
        } catch (IOException e) {
            LOG.warn("Could not save settings to {}: {}", file, e.getMessage());
        }
    }
}
