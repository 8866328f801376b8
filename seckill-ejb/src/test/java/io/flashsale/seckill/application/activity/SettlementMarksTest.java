package io.flashsale.seckill.application.activity;

import io.flashsale.seckill.application.port.PurchasePipeline;
import io.flashsale.seckill.domain.model.activity.ActivityId;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** When an ended sale's purchases are all written, and what asking about a backlog of ended sales costs Kafka. */
class SettlementMarksTest {

    /** A purchases topic of two partitions and the order writer's progress on it; counts the calls. */
    private static final class Topic implements PurchasePipeline {
        final long[] ends = {100, 200};
        final long[] consumed = {0, 0};
        int marks;
        int progressReads;

        @Override
        public long backlog() {
            return ends[0] - consumed[0] + ends[1] - consumed[1];
        }

        @Override
        public Mark mark() {
            marks++;
            return new Mark(Map.of(0, ends[0], 1, ends[1]), Instant.now());
        }

        @Override
        public Mark consumed() {
            progressReads++;
            return new Mark(Map.of(0, consumed[0], 1, consumed[1]), Instant.now());
        }

        void writerReaches(long first, long second) {
            consumed[0] = first;
            consumed[1] = second;
        }
    }

    private final Topic topic = new Topic();
    private final SettlementMarks marks = new SettlementMarks();

    SettlementMarksTest() {
        marks.pipeline = topic;
        marks.sendTimeoutMillis = 3_000;
    }

    private static Map<ActivityId, Instant> endedLongAgo(int count) {
        Map<ActivityId, Instant> endings = new HashMap<>();
        for (int i = 1; i <= count; i++) {
            endings.put(new ActivityId(i), Instant.now().minusSeconds(60 + i));
        }
        return endings;
    }

    @Test
    void aBacklogOfEndedSalesCostsOneMarkAndOneProgressReadPerCheck() {
        Map<ActivityId, Instant> ended = endedLongAgo(300);

        assertTrue(marks.allWritten(ended).isEmpty(), "the writer has not reached where the topic ended");
        assertEquals(1, topic.marks);
        assertEquals(1, topic.progressReads);

        topic.ends[0] = 150; // other sales go on publishing
        topic.writerReaches(100, 200);
        assertEquals(ended.keySet(), marks.allWritten(ended));
        assertEquals(1, topic.marks, "the sales keep the mark taken once their sends were over");
        assertEquals(2, topic.progressReads);

        assertEquals(ended.keySet(), marks.allWritten(ended));
        assertTrue(marks.allWritten(new ActivityId(7), ended.get(new ActivityId(7))));
        assertEquals(2, topic.progressReads, "a sale found written is not asked about again");
    }

    @Test
    void aSaleIsWrittenOnlyWhenTheWriterPassedItsMarkOnEveryPartition() {
        Map<ActivityId, Instant> ended = endedLongAgo(1);
        marks.allWritten(ended);

        topic.writerReaches(100, 199);
        assertTrue(marks.allWritten(ended).isEmpty(), "one purchase of the second partition is not written yet");
        topic.writerReaches(100, 200);
        assertEquals(ended.keySet(), marks.allWritten(ended));
    }

    @Test
    void aSaleWhoseSendsMayStillBeOnTheirWayIsNotMarked() {
        ActivityId justEnded = new ActivityId(1);
        topic.writerReaches(100, 200); // the writer is at the end of the topic, but a send may still arrive
        Set<ActivityId> written = marks.allWritten(Map.of(justEnded, Instant.now().minusSeconds(1)));

        assertFalse(written.contains(justEnded));
        assertEquals(0, topic.marks);
        assertEquals(0, topic.progressReads);
    }

    @Test
    void aForgottenSaleIsAskedAboutAfresh() {
        Map<ActivityId, Instant> ended = endedLongAgo(1);
        topic.writerReaches(100, 200);
        assertEquals(ended.keySet(), marks.allWritten(ended));

        marks.forget(new ActivityId(1));
        topic.ends[0] = 120; // a new mark would be past the writer
        assertTrue(marks.allWritten(ended).isEmpty());
        assertEquals(2, topic.marks);
    }
}
