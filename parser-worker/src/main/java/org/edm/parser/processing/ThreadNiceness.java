package org.edm.parser.processing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.OptionalInt;

import com.sun.jna.Library;
import com.sun.jna.Native;
import com.sun.jna.Platform;

/**
 * The nice value of the calling thread. On Linux each thread is a task with a nice value
 * of its own, which the scheduler honours; Java's thread priorities are not passed on to
 * it. Raising the value (lowering the priority) needs no privilege; lowering it again
 * does, so a thread is lowered once, for its whole life.
 */
final class ThreadNiceness {

    /** {@code setpriority}'s "which": a process, or on Linux one thread by its id. */
    private static final int PRIO_PROCESS = 0;

    private ThreadNiceness() {
    }

    /**
     * Sets the calling thread's nice value to {@code nice} (0 to 19).
     * @return false where that is not possible (not Linux, no {@code gettid}, refused)
     */
    static boolean lowerCurrentThread(int nice) {
        if (!Platform.isLinux()) {
            return false;
        }
        try {
            return CLibrary.INSTANCE.setpriority(PRIO_PROCESS, CLibrary.INSTANCE.gettid(), nice) == 0;
        }
        catch (UnsatisfiedLinkError | RuntimeException e) {
            return false;
        }
    }

    /**
     * The calling thread's nice value, from {@code /proc/thread-self/stat}; empty where
     * that file does not exist.
     */
    static OptionalInt currentThread() {
        try {
            String stat = Files.readString(Path.of("/proc/thread-self/stat"));
            // after "pid (comm) ": state is field 3, nice field 19
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return OptionalInt.of(Integer.parseInt(fields[19 - 3]));
        }
        catch (IOException | RuntimeException e) {
            return OptionalInt.empty();
        }
    }

    interface CLibrary extends Library {

        CLibrary INSTANCE = Native.load(Platform.C_LIBRARY_NAME, CLibrary.class);

        int gettid();

        int setpriority(int which, int who, int prio);

    }

}
