package dev.lantian.agent.config;

import java.util.Collection;
import java.util.Optional;

/** "Did you mean …" for a misspelt key or word: the closest candidate within a small edit distance. */
final class Suggestions {
    private Suggestions() {
    }

    static Optional<String> closest(String given, Collection<String> candidates) {
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        int allowed = Math.max(1, Math.min(3, given.length() / 3));
        for (String c : candidates) {
            int d = distance(given.toLowerCase(), c.toLowerCase());
            if (d < bestDistance) {
                best = c;
                bestDistance = d;
            }
        }
        return bestDistance <= allowed ? Optional.ofNullable(best) : Optional.empty();
    }

    /** Damerau–Levenshtein (optimal string alignment): a swap of two letters counts as one edit. */
    static int distance(String a, String b) {
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= b.length(); j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
                }
            }
        }
        return d[a.length()][b.length()];
    }

    /** {@code " (expected one of: a, b, c; did you mean 'b'?)"}, the list cut after {@code limit} entries. */
    static String expectedOneOf(String given, Collection<String> candidates, String noun) {
        StringBuilder s = new StringBuilder(" (expected ");
        if (candidates.isEmpty()) {
            return s.append("a declared ").append(noun).append(", but none is declared)").toString();
        }
        s.append("one of: ");
        int n = 0;
        for (String c : candidates) {
            if (n == 12) {
                s.append(", …");
                break;
            }
            s.append(n++ == 0 ? "" : ", ").append(c);
        }
        closest(given, candidates).ifPresent(c -> s.append("; did you mean '").append(c).append("'?"));
        return s.append(')').toString();
    }
}
