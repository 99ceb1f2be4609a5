package dev.lantian.agent.equipment;

/** The board itself was without power (or not running) from its last heartbeat to its restart. Equipment id: {@code board}. */
public record PowerLoss(EventCore core) implements EquipmentEvent {
    public static final String RULE = "board.power-loss";
    public static final String BOARD = "board";

    @Override
    public EquipmentEvent withCore(EventCore c) {
        return new PowerLoss(c);
    }

    @Override
    public String key() {
        return RULE;
    }
}
