package dev.lantian.agent.assembly;

import dev.lantian.agent.config.SiteConfig;
import dev.lantian.agent.uplink.CommandTarget;
import dev.lantian.agent.uplink.Uplink;
import dev.lantian.hardware.time.BoardClock;
import java.io.IOException;

/** Builds the board's uplink: it reads the store and hands bureau commands to {@code commands}. */
public interface UplinkFactory {
    Uplink open(SiteConfig config, Storage storage, CommandTarget commands, BoardClock clock) throws IOException;
}
