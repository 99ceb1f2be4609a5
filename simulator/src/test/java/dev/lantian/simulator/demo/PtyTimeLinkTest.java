package dev.lantian.simulator.demo;

import dev.lantian.hardware.serial.ByteLink;
import dev.lantian.hardware.time.VirtualClock;
import dev.lantian.simulator.device.LinkPump;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;

/** How the agent's end of a pty spends board time when it shares the JVM with the plant's devices. */
class PtyTimeLinkTest {
    private static final Instant T0 = Instant.parse("2026-10-20T00:00:00Z");
    private static final Duration FRAME_TIMEOUT = Duration.ofSeconds(2);

    private final VirtualClock board = new VirtualClock(T0, ZoneOffset.UTC);
    private final FakePty pty = new FakePty();
    private final AtomicReference<LinkPump.Traffic> device = new AtomicReference<>(new LinkPump.Traffic(0, 0));
    private final PtyTimeLink link = new PtyTimeLink(pty, device::get, board, Duration.ofMillis(100));

    @Test
    void withNothingOnItsWayAWaitCostsBoardTimeAndNoRead() {
        int n = link.read(new byte[64], FRAME_TIMEOUT);

        assertThat(n).isZero();
        assertThat(board.instant()).isEqualTo(T0.plus(FRAME_TIMEOUT));
        assertThat(pty.reads).as("nothing was sent, so the pty is not even asked").isZero();
    }

    @Test
    void bytesTheDeviceSentAreReadWithoutMovingTheBoardClock() {
        device.set(new LinkPump.Traffic(3, 0));
        pty.incoming.add(new byte[] {1, 2});
        pty.incoming.add(new byte[] {3});
        byte[] buf = new byte[64];

        assertThat(link.read(buf, FRAME_TIMEOUT)).isEqualTo(2);
        assertThat(link.read(buf, FRAME_TIMEOUT)).isEqualTo(1);
        assertThat(board.instant()).isEqualTo(T0);
        assertThat(link.read(buf, FRAME_TIMEOUT)).as("all three bytes read: quiet again").isZero();
        assertThat(board.instant()).isEqualTo(T0.plus(FRAME_TIMEOUT));
    }

    @Test
    void aRequestNotYetAnsweredIsWaitedForThenTheAnswerIsRead() {
        assertThat(link.write(new byte[] {9, 9, 9, 9})).isTrue();
        // the device has not yet taken the request: in flight, so the read goes to the pty
        pty.incoming.add(new byte[] {7, 7});
        device.set(new LinkPump.Traffic(2, 4));

        assertThat(link.read(new byte[64], FRAME_TIMEOUT)).isEqualTo(2);
        assertThat(board.instant()).isEqualTo(T0);
    }

    @Test
    void bytesThatNeverArriveAreGivenUpAfterTheLimitAndNotWaitedForAgain() {
        device.set(new LinkPump.Traffic(5, 0));

        assertThat(link.read(new byte[64], FRAME_TIMEOUT)).isZero();
        assertThat(pty.reads).isPositive();
        assertThat(board.instant()).isEqualTo(T0.plus(FRAME_TIMEOUT));

        int readsBefore = pty.reads;
        assertThat(link.read(new byte[64], FRAME_TIMEOUT)).isZero();
        assertThat(pty.reads).as("the lost bytes are written off, not waited for on every read").isEqualTo(readsBefore);
    }

    /** A pty end whose bytes are queued by the test; a read with nothing queued returns 0 at once. */
    private static final class FakePty implements ByteLink {
        final Deque<byte[]> incoming = new ArrayDeque<>();
        int reads;

        @Override
        public int read(byte[] into, Duration timeout) {
            reads++;
            byte[] next = incoming.poll();
            if (next == null) {
                return 0;
            }
            System.arraycopy(next, 0, into, 0, next.length);
            return next.length;
        }

        @Override
        public boolean write(byte[] bytes) {
            return true;
        }

        @Override
        public boolean isOpen() {
            return true;
        }

        @Override
        public String name() {
            return "fake-pty";
        }

        @Override
        public void close() {
        }
    }
}
