package org.tidings.tui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class BrowserLauncherTest {
    @Test
    void passesTheUrlAsOneArgumentWithoutAShell() {
        assertThat(new BrowserLauncher("firefox --new-tab").command("https://x.example/a?b=1&c=$(reboot)`id`;d"))
                .containsExactly("firefox", "--new-tab", "https://x.example/a?b=1&c=$(reboot)`id`;d");
    }

    @Test
    void replacesAPercentSPlaceholder() {
        assertThat(new BrowserLauncher("lynx %s -accept_all_cookies").command("http://x.example/"))
                .containsExactly("lynx", "http://x.example/", "-accept_all_cookies");
    }

    @Test
    void usesTheFirstOfAColonSeparatedListOrXdgOpen() {
        assertThat(new BrowserLauncher("w3m:lynx").command("https://x.example/")).containsExactly("w3m", "https://x.example/");
        assertThat(new BrowserLauncher("").command("https://x.example/")).containsExactly("xdg-open", "https://x.example/");
    }

    @Test
    void refusesAnythingButHttpAndHttps() {
        BrowserLauncher launcher = new BrowserLauncher("firefox");
        for (String url : new String[] {"javascript:alert(1)", "data:text/html,x", "file:///etc/passwd", "-help",
                "https://x.example/a b", "https://x.example/\u001b[2J", " https://x.example/"}) {
            assertThatThrownBy(() -> launcher.command(url)).as(url).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageStartingWith("not opened: ");
        }
    }
}
