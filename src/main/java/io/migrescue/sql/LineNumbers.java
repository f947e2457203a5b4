package io.migrescue.sql;

import java.util.ArrayList;
import java.util.List;

/** 1-based line numbers of character offsets. */
final class LineNumbers {
    private final int[] starts;

    LineNumbers(String s) {
        List<Integer> list = new ArrayList<>();
        list.add(0);
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) == '\n') {
                list.add(i + 1);
            }
        }
        starts = list.stream().mapToInt(Integer::intValue).toArray();
    }

    int lineOf(int offset) {
        int lo = 0;
        int hi = starts.length - 1;
        while (lo < hi) {
            int mid = (lo + hi + 1) >>> 1;
            if (starts[mid] <= offset) {
                lo = mid;
            } else {
                hi = mid - 1;
            }
        }
        return lo + 1;
    }
}
