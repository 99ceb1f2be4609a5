package dev.lantian.hardware.dlt645;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The parser against 120,000 random and mutated byte streams: no exception, no bad checksum accepted. */
class Dlt645ParserFuzzTest {

    private static Dlt645Frame randomFrame(Random rnd) {
        byte[] addr = new byte[6];
        rnd.nextBytes(addr);
        byte[] data = new byte[rnd.nextInt(12)];
        rnd.nextBytes(data);
        int[] controls = {0x11, 0x91, 0xD1, 0x13, 0x93};
        return new Dlt645Frame(addr, controls[rnd.nextInt(controls.length)], data);
    }

    /** True when {@code body} occurs in {@code stream}: the frame really was on the wire, checksum and all. */
    private static boolean occursIn(byte[] body, byte[] stream) {
        outer:
        for (int i = 0; i + body.length <= stream.length; i++) {
            for (int k = 0; k < body.length; k++) {
                if (stream[i + k] != body[k]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }

    private static List<Dlt645Frame> parseAll(byte[] stream, Random rnd) {
        Dlt645FrameParser p = new Dlt645FrameParser();
        List<Dlt645Frame> out = new ArrayList<>();
        int i = 0;
        while (i < stream.length) {
            int n = Math.min(stream.length - i, 1 + rnd.nextInt(40));
            p.feed(stream, i, n);
            i += n;
            for (Optional<Dlt645Frame> f = p.next(); f.isPresent(); f = p.next()) {
                out.add(f.get());
            }
        }
        return out;
    }

    @Test
    void randomGarbageNeverYieldsAFrameThatWasNotOnTheWire() {
        Random rnd = new Random(645);
        for (int iter = 0; iter < 40_000; iter++) {
            byte[] stream = new byte[rnd.nextInt(300)];
            rnd.nextBytes(stream);
            if (rnd.nextBoolean() && stream.length > 20) {
                // bias towards frame-like garbage: plant start bytes
                stream[rnd.nextInt(stream.length)] = 0x68;
                stream[rnd.nextInt(stream.length)] = 0x68;
                stream[rnd.nextInt(stream.length)] = 0x16;
            }
            for (Dlt645Frame f : parseAll(stream, rnd)) {
                assertThat(occursIn(f.body(), stream)).as("frame %s from random bytes", f).isTrue();
            }
        }
    }

    @Test
    void aSingleChangedByteInAFrameIsAlwaysRejected() {
        Random rnd = new Random(2007);
        for (int iter = 0; iter < 40_000; iter++) {
            byte[] body = randomFrame(rnd).body();
            int pos = rnd.nextInt(body.length);
            byte[] mutated = body.clone();
            mutated[pos] = (byte) (mutated[pos] + 1 + rnd.nextInt(255));
            List<Dlt645Frame> got = parseAll(mutated, rnd);
            // Changing the length byte can still leave a valid shorter frame only if its bytes are all
            // really there, which occursIn checks; everything else must give nothing.
            for (Dlt645Frame f : got) {
                assertThat(occursIn(f.body(), mutated)).isTrue();
                assertThat(f.body()).isNotEqualTo(body);
            }
        }
    }

    @Test
    void validFramesSurroundedByNoiseAreAllFoundInOrder() {
        Random rnd = new Random(33);
        for (int iter = 0; iter < 40_000; iter++) {
            List<Dlt645Frame> sent = new ArrayList<>();
            java.io.ByteArrayOutputStream wire = new java.io.ByteArrayOutputStream();
            int frames = 1 + rnd.nextInt(3);
            for (int k = 0; k < frames; k++) {
                byte[] noise = new byte[rnd.nextInt(20)];
                rnd.nextBytes(noise);
                for (int j = 0; j < noise.length; j++) {
                    if (noise[j] == 0x68) {
                        noise[j] = (byte) 0xFE; // noise must not itself start a longer candidate swallowing the frame
                    }
                }
                wire.writeBytes(noise);
                Dlt645Frame f = randomFrame(rnd);
                sent.add(f);
                wire.writeBytes(rnd.nextBoolean() ? f.encode() : f.body());
            }
            assertThat(parseAll(wire.toByteArray(), rnd)).containsExactlyElementsOf(sent);
        }
    }
}
