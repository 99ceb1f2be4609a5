package dev.lantian.agent.config;

import dev.lantian.agent.config.Checked.Struct;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;

/**
 * Reads a site file and returns its configuration, or throws with every problem in it. This is the
 * one call the agent makes before it starts: a configuration that does not load does not run.
 */
public final class ConfigLoader {
    private static final String SECTIONS = "site, buses, devices, channels, …";

    private ConfigLoader() {
    }

    /** Loads a site file, checking channel fields against the shipped drivers and register maps. */
    public static SiteConfig load(Path file) throws ConfigException {
        return load(file, new DefaultFieldCatalog());
    }

    public static SiteConfig load(Path file, FieldCatalog catalog) throws ConfigException {
        String name = file.toString();
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw fileProblem(name, "no such file");
        } catch (AccessDeniedException e) {
            throw fileProblem(name, "cannot be read (permission denied)");
        } catch (CharacterCodingException e) {
            throw fileProblem(name, "is not UTF-8 text (save it as UTF-8)");
        } catch (IOException e) {
            throw fileProblem(name, Files.isDirectory(file) ? "is a directory, not a file" : "cannot be read: " + e);
        }
        return parse(name, file, text, catalog);
    }

    /**
     * Checks configuration text; {@code fileName} is what the problems name. {@code source} is
     * recorded in the result.
     */
    public static SiteConfig parse(String fileName, Path source, String text, FieldCatalog catalog)
            throws ConfigException {
        Problems problems = new Problems(fileName);
        Node root = compose(text, problems);
        if (root == null) {
            throw new ConfigException(problems.sorted());
        }
        Checked checked = new StructureChecker(problems).check(root, SiteSchema.SITE, "");
        Struct tree = (Struct) checked;
        new CrossChecker(problems, catalog).check(tree);
        if (!problems.isEmpty()) {
            throw new ConfigException(problems.sorted());
        }
        return ConfigBinder.bind(source, tree);
    }

    /** The top-level mapping, or null after reporting why the text is not one. */
    private static Node compose(String text, Problems problems) {
        LoaderOptions options = new LoaderOptions();
        options.setAllowDuplicateKeys(true); // reported by the checker, with both lines
        Node root;
        try {
            root = new Yaml(options).compose(new StringReader(text));
        } catch (MarkedYAMLException e) {
            Mark mark = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
            Pos pos = mark == null ? Pos.NONE : new Pos(mark.getLine() + 1, mark.getColumn() + 1);
            String context = e.getContext() == null ? "" : e.getContext() + ": ";
            problems.add(pos, "", "YAML syntax error: " + context + e.getProblem()
                    + " (check indentation, quotes and brackets here or just above; a file cut short ends like this too)");
            return null;
        } catch (YAMLException e) {
            problems.add(Pos.NONE, "", "cannot be read as YAML: " + e.getMessage());
            return null;
        }
        if (root == null) {
            problems.add(Pos.NONE, "", "the file is empty (expected a mapping with the sections " + SECTIONS + ")");
            return null;
        }
        if (!(root instanceof MappingNode)) {
            problems.add(StructureChecker.pos(root), "", "the top level is not a mapping (expected 'key: value' lines"
                    + " with the sections " + SECTIONS + ")");
            return null;
        }
        return root;
    }

    private static ConfigException fileProblem(String name, String message) {
        return new ConfigException(java.util.List.of(new ConfigProblem(name, 0, 0, "", message)));
    }
}
