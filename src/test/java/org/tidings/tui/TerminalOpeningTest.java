package org.tidings.tui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.googlecode.lanterna.TerminalSize;
import com.googlecode.lanterna.screen.Screen;
import com.googlecode.lanterna.screen.TerminalScreen;
import com.googlecode.lanterna.terminal.virtual.DefaultVirtualTerminal;
import java.io.IOException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

class TerminalOpeningTest {
    @Test
    void handsOverTheScreenOpenedOnItsOwnThread() throws Exception {
        DefaultVirtualTerminal terminal = new DefaultVirtualTerminal(new TerminalSize(80, 24));
        Screen opened = new TerminalScreen(terminal);
        AtomicBoolean onAnotherThread = new AtomicBoolean();
        Thread caller = Thread.currentThread();

        try (TerminalOpening opening = TerminalOpening.start(() -> {
            onAnotherThread.set(Thread.currentThread() != caller);
            return opened;
        })) {
            assertThat(opening.screen()).isSameAs(opened);
        }
        assertThat(onAnotherThread).isTrue();
    }

    @Test
    void aTerminalThatCannotBeOpenedFailsWithItsOwnError() {
        TerminalOpening opening = TerminalOpening.start(() -> {
            throw new IOException("no terminal: /dev/tty");
        });

        assertThatThrownBy(opening::screen).isInstanceOf(IOException.class).hasMessage("no terminal: /dev/tty");
        opening.close(); // returns: nothing left to wait for
    }

    @Test
    void closeWaitsUntilTheTerminalIsSetUpSoItsExitHookRestoresIt() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        AtomicBoolean finished = new AtomicBoolean();
        TerminalOpening opening = TerminalOpening.start(() -> {
            try {
                release.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                throw new IOException(e);
            }
            finished.set(true);
            return new TerminalScreen(new DefaultVirtualTerminal(new TerminalSize(80, 24)));
        });
        Thread releaser = new Thread(() -> {
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            release.countDown();
        });
        releaser.start();

        opening.close(); // e.g. the store could not be opened: the command ends only after the set-up

        assertThat(finished).isTrue();
    }
}
