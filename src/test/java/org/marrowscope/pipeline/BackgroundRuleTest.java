package org.marrowscope.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class BackgroundRuleTest {

    private final BackgroundRule rule = BackgroundRule.DEFAULT;

    @Test
    void plainWhiteAndPlainBlackCornersMakeBackground() {
        int smear = 0xD8B8C8;
        assertThat(rule.isBackground(smear, smear, smear, smear)).isFalse();
        assertThat(rule.isBackground(smear, 0xF0F0EE, smear, smear)).isTrue();
        assertThat(rule.isBackground(smear, smear, smear, 0x0A0A0A)).isTrue();
        assertThat(rule.isBackground(0xFFFFFF, smear, smear, smear)).isTrue();
    }

    @Test
    void onlyAllChannelsCountAsPlain() {
        assertThat(rule.isPlain(0xF0F0E0)).isFalse(); // blue 224 < 235: pale tissue, not glass
        assertThat(rule.isPlain(0xEBEBEB)).isTrue();  // 235 in every channel
        assertThat(rule.isPlain(0x141414)).isTrue();  // 20 in every channel
        assertThat(rule.isPlain(0x15140A)).isFalse();
    }

    @Test
    void refusesInvertedThresholds() {
        assertThatThrownBy(() -> new BackgroundRule(20, 235)).isInstanceOf(IllegalArgumentException.class);
    }
}
