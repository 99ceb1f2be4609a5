package dev.lantian.hardware.serial;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PtyPairTest {
    @BeforeEach
    void needsSocat() {
        Socat.assumeAvailable();
    }

    @Test
    void makesTwoLinkedPtysAndRemovesThemOnClose() throws Exception {
        Path a;
        Path b;
        Path dir;
        try (PtyPair pair = PtyPair.start()) {
            a = pair.a();
            b = pair.b();
            dir = a.getParent();
            assertThat(Files.isSymbolicLink(a)).isTrue();
            assertThat(Files.readSymbolicLink(a).toString()).startsWith("/dev/pts/");
            assertThat(Files.readSymbolicLink(b)).isNotEqualTo(Files.readSymbolicLink(a));
            assertThat(pair.isAlive()).isTrue();
            assertThat(pair.socatOutput()).contains("PTY is");
            pair.close();
            assertThat(pair.isAlive()).isFalse();
        }
        assertThat(Files.exists(a, LinkOption.NOFOLLOW_LINKS)).isFalse();
        assertThat(Files.exists(b, LinkOption.NOFOLLOW_LINKS)).isFalse();
        assertThat(Files.exists(dir)).as("its own temp dir is removed").isFalse();
    }

    @Test
    void restartsOnTheSameLinkPathsWithNewPtys(@TempDir Path dir) throws Exception {
        Path a = dir.resolve("sensor");
        Path b = dir.resolve("sim");
        Path first;
        try (PtyPair pair = PtyPair.start(a, b)) {
            first = Files.readSymbolicLink(a);
        }
        assertThat(Files.exists(a, LinkOption.NOFOLLOW_LINKS)).isFalse();
        try (PtyPair again = PtyPair.start(a, b)) {
            assertThat(Files.exists(a)).isTrue();
            assertThat(again.a()).isEqualTo(a);
        }
        assertThat(first.toString()).startsWith("/dev/pts/");
    }

    @Test
    void replacesStaleLinksLeftByAKilledSocat(@TempDir Path dir) throws Exception {
        Path a = dir.resolve("A");
        Path b = dir.resolve("B");
        Files.createSymbolicLink(a, Path.of("/dev/pts/999999"));
        try (PtyPair pair = PtyPair.start(a, b)) {
            assertThat(Files.exists(a)).isTrue();
        }
    }
}
