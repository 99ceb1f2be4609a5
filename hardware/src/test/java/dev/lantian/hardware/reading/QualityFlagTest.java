package dev.lantian.hardware.reading;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class QualityFlagTest {
    @Test
    void parsesEveryHj212LetterAndRejectsOthers() {
        assertThat(QualityFlag.values()).extracting(QualityFlag::code)
                .containsExactly('N', 'F', 'M', 'S', 'D', 'C', 'T', 'B');
        for (QualityFlag f : QualityFlag.values()) {
            assertThat(QualityFlag.fromCode(String.valueOf(f.code()))).contains(f);
        }
        assertThat(QualityFlag.fromCode("X")).isEmpty();
        assertThat(QualityFlag.fromCode("")).isEmpty();
        assertThat(QualityFlag.fromCode(null)).isEmpty();
    }

    @Test
    void communicationFaultDominatesAndNormalIsWeakest() {
        assertThat(QualityFlag.B.dominance()).isGreaterThan(QualityFlag.D.dominance());
        assertThat(QualityFlag.N.dominance()).isLessThan(QualityFlag.T.dominance());
    }
}
