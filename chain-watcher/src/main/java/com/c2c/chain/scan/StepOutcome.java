package com.c2c.chain.scan;

import com.c2c.chain.scan.store.Deposit;
import java.util.ArrayList;
import java.util.List;

/** What one step or roll-back changed, for the log and the metrics (filled inside its transaction). */
public final class StepOutcome {
    final List<Deposit> detected = new ArrayList<>();
    final List<Deposit> oversized = new ArrayList<>();
    final List<Deposit> confirmed = new ArrayList<>();
    final List<Deposit> reverted = new ArrayList<>();
    final List<Deposit> reorged = new ArrayList<>();

    boolean changedDeposits() {
        return !(detected.isEmpty() && oversized.isEmpty() && confirmed.isEmpty() && reverted.isEmpty()
                && reorged.isEmpty());
    }

    @Override
    public String toString() {
        return "detected " + detected.size() + ", confirmed " + confirmed.size() + ", reverted " + reverted.size()
                + ", reorged after confirmation " + reorged.size() + ", oversized " + oversized.size();
    }
}
