package org.tidings.tui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tidings.tui.Fixtures.*;

import com.googlecode.lanterna.TerminalSize;
import com.googlecode.lanterna.TextCharacter;
import com.googlecode.lanterna.TextColor;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class ReaderAppTest {

    private ReaderHarness reader() {
        return new ReaderHarness(world(), 80, 24);
    }

    @Nested
    class SourcesView {
        @Test
        void showsVirtualListsFoldersAndFeedsWithUnreadCounts() {
            ReaderHarness reader = reader();

            assertThat(reader.line(0)).startsWith(" tidings: Sources").endsWith("?:help q:back");
            assertThat(reader.line(1)).startsWith("  All unread").endsWith("(4)");
            assertThat(reader.line(2)).startsWith("  Starred").endsWith("(0)");
            assertThat(reader.line(3)).startsWith("  News/").endsWith("(3)");
            assertThat(reader.line(4)).startsWith("    Nigeria News 24").endsWith("(2)");
            assertThat(reader.line(5)).startsWith("    NN24 Politics").endsWith("(0)");
            assertThat(reader.line(6)).startsWith("    Vanguard").endsWith("(1)");
            assertThat(reader.line(7)).startsWith("  People's Daily").endsWith("(2)");
            assertThat(reader.statusLine()).startsWith(" 1/7  4 unread, 0 starred  [unread only]");
        }

        @Test
        void jkAndArrowsMoveTheSelection() {
            ReaderHarness reader = reader();
            assertThat(reader.cell(2, 1).isReversed()).isTrue();

            reader.press("j", "j");
            assertThat(reader.statusLine()).startsWith(" 3/7");
            assertThat(reader.cell(2, 3).isReversed()).isTrue();
            assertThat(reader.cell(2, 1).isReversed()).isFalse();

            reader.press("k");
            assertThat(reader.statusLine()).startsWith(" 2/7");
            reader.press("DOWN", "DOWN", "DOWN");
            assertThat(reader.statusLine()).startsWith(" 5/7");
            reader.press("UP");
            assertThat(reader.statusLine()).startsWith(" 4/7");
        }

        @Test
        void gAndShiftGGoToTopAndBottom() {
            ReaderHarness reader = reader().press("G");
            assertThat(reader.statusLine()).startsWith(" 7/7");
            reader.press("g");
            assertThat(reader.statusLine()).startsWith(" 1/7");
        }

        @Test
        void pageDownAndPageUpMoveByAScreen() {
            FakeReaderData data = new FakeReaderData();
            for (int i = 1; i <= 60; i++) {
                data.feed(i, String.format("Feed %02d", i), null);
            }
            ReaderHarness reader = new ReaderHarness(data, 80, 24);

            reader.press("PGDN");
            assertThat(reader.statusLine()).startsWith(" 22/62");
            assertThat(reader.lines()).anyMatch(line -> line.startsWith("  Feed 20"));
            reader.press("PGDN", "PGDN", "PGDN");
            assertThat(reader.statusLine()).startsWith(" 62/62");
            assertThat(reader.line(21)).startsWith("  Feed 60");
            reader.press("PGUP");
            assertThat(reader.statusLine()).startsWith(" 41/62");
        }

        @Test
        void enterOpensTheSelectedFeed() {
            ReaderHarness reader = reader().press("j", "j", "j", "ENTER");

            assertThat(reader.line(0)).startsWith(" tidings: Nigeria News 24 (feed)");
            assertThat(reader.screen()).contains("Senate passes 2027 budget").contains("Super Eagles win in Uyo")
                    .doesNotContain("Naira");
        }

        @Test
        void enterOnAFolderListsAllItsFeeds() {
            ReaderHarness reader = reader().press("j", "j", "ENTER");

            assertThat(reader.line(0)).startsWith(" tidings: News (folder)");
            assertThat(reader.screen()).contains("Naira falls").contains("Super Eagles").contains("Senate passes 2027");
        }

        @Test
        void qAtTheTopQuits() {
            ReaderHarness reader = reader().press("q");
            assertThat(reader.app.hasQuit()).isTrue();
        }

        @Test
        void shiftQQuitsFromAnywhere() {
            ReaderHarness reader = reader().press("ENTER", "ENTER", "Q");
            assertThat(reader.app.hasQuit()).isTrue();
        }

        @Test
        void tabSwitchesToTopicsAndBack() {
            ReaderHarness reader = reader().press("TAB");
            assertThat(reader.line(0)).startsWith(" tidings: Topics");
            reader.press("TAB");
            assertThat(reader.line(0)).startsWith(" tidings: Sources");
        }

        @Test
        void nAndPJumpBetweenSourcesWithUnread() {
            ReaderHarness reader = reader().press("n");
            assertThat(reader.statusLine()).startsWith(" 3/7"); // News/ (Starred has none)
            reader.press("n", "n");
            assertThat(reader.statusLine()).startsWith(" 6/7"); // Vanguard, skipping NN24 Politics
            reader.press("p");
            assertThat(reader.statusLine()).startsWith(" 4/7");
        }

        @Test
        void shiftAMarksTheSelectedFeedReadAndEveryCountFollows() {
            ReaderHarness reader = reader().press("G", "A");

            assertThat(reader.line(7)).startsWith("  People's Daily").endsWith("(0)");
            // the budget story was also at Nigeria News 24: its copy is read too
            assertThat(reader.line(4)).endsWith("(1)");
            assertThat(reader.line(1)).endsWith("(2)");
            assertThat(reader.statusLine()).contains("2 unread");
            assertThat(reader.messageLine()).isEqualTo("Marked 2 read in People's Daily");
        }

        @Test
        void rReloadsTheSelectedFeedAndNewArticlesAppear() {
            ReaderHarness reader = reader();
            reader.reloader.willAdd(VANGUARD, at("2026-11-27T07:00:00Z"), "Fuel price drops");

            reader.press("j", "j", "j", "j", "j", "r");

            assertThat(reader.reloader.calls()).containsExactly("feed " + VANGUARD);
            assertThat(reader.line(6)).startsWith("    Vanguard").endsWith("(2)");
            assertThat(reader.messageLine()).isEqualTo("Reloaded 1 feed: 1 new");
            reader.press("ENTER");
            assertThat(reader.line(1)).contains("Fuel price drops");
        }

        @Test
        void rOnAFolderReloadsEachOfItsFeeds() {
            ReaderHarness reader = reader().press("j", "j", "r");
            assertThat(reader.reloader.calls()).containsExactly("feed 1", "feed 2", "feed 4");
        }

        @Test
        void shiftRReloadsAllAndSaysWhatFailedUntilTheNextKey() {
            ReaderHarness reader = reader();
            reader.reloader.willAdd(PEOPLES_DAILY, at("2026-11-27T06:00:00Z"), "Wire: rains in Lagos");

            reader.press("R");

            assertThat(reader.reloader.calls()).containsExactly("all");
            assertThat(reader.line(1)).endsWith("(5)");
            assertThat(reader.messageLine()).isEqualTo("Reloaded 2 feeds: 1 new, 1 failed (feed 9: HTTP 404); ! marks failing feeds");
            assertThat(reader.statusLine()).doesNotContain("error"); // the selected row has no error of its own

            reader.press("j");
            assertThat(reader.messageLine()).isEmpty();
            reader.press("j", "j", "r");
            assertThat(reader.messageLine()).isEqualTo("Reloaded 1 feed: 0 new");
            assertThat(reader.statusLine()).doesNotContain("error");
        }

        @Test
        void lTogglesShowOnlyUnread() {
            ReaderHarness reader = reader().press("l");
            assertThat(reader.statusLine()).contains("[all]");
            assertThat(reader.messageLine()).isEqualTo("Showing all articles");
            reader.press("l");
            assertThat(reader.statusLine()).contains("[unread only]");
        }

        @Test
        void keysWithoutAMeaningHereSaySo() {
            ReaderHarness reader = reader().press("N");
            assertThat(reader.messageLine()).isEqualTo("toggle read: not available here");
            reader.press("s");
            assertThat(reader.messageLine()).isEqualTo("star / unstar: not available here");
            reader.press("o");
            assertThat(reader.messageLine()).isEqualTo("open the link in $BROWSER: not available here");
            reader.press("r");
            assertThat(reader.messageLine()).isEqualTo("Select a feed or folder to reload it; R reloads all");
            assertThat(reader.reloader.calls()).isEmpty();
        }

        @Test
        void aFeedWhoseLastFetchFailedIsMarked() {
            FakeReaderData data = world().failingFeed(9, "Broken feed", "HTTP 404");
            ReaderHarness reader = new ReaderHarness(data, 80, 24);
            assertThat(reader.line(8)).startsWith("! Broken feed");
        }
    }

    @Nested
    class TopicsView {
        @Test
        void listsTopicsByUnreadThenName() {
            ReaderHarness reader = reader().press("TAB");

            assertThat(reader.line(1)).startsWith("  Politics").endsWith("(2)");
            assertThat(reader.line(2)).startsWith("  Economy").endsWith("(1)");
            assertThat(reader.line(3)).startsWith("  Nigeria").endsWith("(1)");
            assertThat(reader.line(4)).startsWith("  Sport").endsWith("(1)");
            assertThat(reader.line(5)).startsWith("  World").endsWith("(1)");
            assertThat(reader.statusLine()).startsWith(" 1/5");
        }

        @Test
        void enterListsTheTopicFromEverySource() {
            ReaderHarness reader = reader().press("TAB", "ENTER");

            assertThat(reader.line(0)).startsWith(" tidings: Politics (topic)");
            assertThat(reader.screen()).contains("People's Daily").contains("China and Nigeria hold trade talks")
                    .contains("Nigeria's Senate passes budget");
        }

        @Test
        void movesWithJkgG() {
            ReaderHarness reader = reader().press("TAB", "j", "j");
            assertThat(reader.statusLine()).startsWith(" 3/5");
            reader.press("k");
            assertThat(reader.statusLine()).startsWith(" 2/5");
            reader.press("G");
            assertThat(reader.statusLine()).startsWith(" 5/5");
            reader.press("g");
            assertThat(reader.statusLine()).startsWith(" 1/5");
        }

        @Test
        void shiftAMarksTheTopicReadAndItDropsToTheEnd() {
            ReaderHarness reader = reader().press("TAB", "A");

            assertThat(reader.lines().subList(1, 6)).extracting(line -> line.replaceAll(" +", " ")).containsExactly(
                    " Economy (1)", " Sport (1)", " Nigeria (0)", " Politics (0)", " World (0)");
            assertThat(reader.statusLine()).startsWith(" 4/5");
            assertThat(reader.statusLine()).contains("2 unread");
        }

        @Test
        void nPAndPageKeysMove() {
            FakeReaderData data = new FakeReaderData().feed(1, "Feed", null);
            for (int i = 0; i < 40; i++) {
                data.add(1, at("2026-11-01T00:00:00Z"), "Story " + i, String.format("Topic %02d", i));
            }
            data.markAllRead(new Selection.Topic("Topic 00"));
            ReaderHarness reader = new ReaderHarness(data, 80, 24).press("TAB");
            assertThat(reader.line(1)).startsWith("  Topic 01");
            assertThat(reader.line(21)).startsWith("  Topic 21");
            reader.press("PGDN");
            assertThat(reader.statusLine()).startsWith(" 22/40");
            reader.press("PGDN");
            assertThat(reader.statusLine()).startsWith(" 40/40");
            assertThat(reader.line(21)).startsWith("  Topic 00").endsWith("(0)");
            reader.press("p");
            assertThat(reader.statusLine()).startsWith(" 39/40");
            reader.press("PGUP", "n");
            assertThat(reader.statusLine()).startsWith(" 19/40");
        }

        @Test
        void rSaysWhereReloadingWorks() {
            ReaderHarness reader = reader().press("TAB", "r");
            assertThat(reader.messageLine()).isEqualTo("r reloads a feed: use it in Sources or in a list; R reloads all");
            reader.press("R");
            assertThat(reader.reloader.calls()).containsExactly("all");
        }

        @Test
        void qAtTheTopQuits() {
            ReaderHarness reader = reader().press("TAB", "q");
            assertThat(reader.app.hasQuit()).isTrue();
        }
    }

    @Nested
    class ArticleList {
        @Test
        void showsMarksDateSourceAndTitleWithEachStoryOnce() {
            ReaderHarness reader = reader().press("ENTER");

            assertThat(reader.line(0)).startsWith(" tidings: All unread");
            assertThat(reader.line(1)).isEqualTo(
                    "N  2026-11-26 People's Daily   Nigeria's Senate passes budget  (also at: Nigeri…");
            assertThat(reader.line(2)).isEqualTo("N  2026-11-25 Vanguard         Naira falls against dollar");
            assertThat(reader.line(3)).isEqualTo("N  2026-11-24 Nigeria News 24  Super Eagles win in Uyo");
            assertThat(reader.line(4)).isEqualTo("N  2026-11-23 People's Daily   China and Nigeria hold trade talks");
            assertThat(reader.line(5)).isEmpty();
            assertThat(reader.statusLine()).startsWith(" 1/4  4 unread");
        }

        @Test
        void unreadRowsAreBoldAndTheSelectedRowReversed() {
            ReaderHarness reader = reader().press("ENTER");
            assertThat(reader.cell(20, 1).isReversed()).isTrue();
            assertThat(reader.cell(20, 2).isBold()).isTrue();
            assertThat(reader.cell(20, 2).isReversed()).isFalse();
        }

        @Test
        void enterOpensTheArticleAndMarksItAndItsCopiesRead() {
            ReaderHarness reader = reader().press("ENTER", "ENTER");

            assertThat(reader.line(0)).startsWith(" tidings: Nigeria's Senate passes budget");
            assertThat(reader.data.isRead(BUDGET_PD)).isTrue();
            assertThat(reader.data.isRead(BUDGET_SITE)).isTrue();
            assertThat(reader.statusLine()).contains("3 unread");

            reader.press("q");
            assertThat(reader.line(1)).startsWith("   2026-11-26 People's Daily");
            reader.press("q");
            assertThat(reader.line(1)).endsWith("(3)");
            assertThat(reader.line(4)).startsWith("    Nigeria News 24").endsWith("(1)");
            assertThat(reader.line(7)).startsWith("  People's Daily").endsWith("(1)");
        }

        @Test
        void shiftNTogglesRead() {
            ReaderHarness reader = reader().press("ENTER", "j", "N");
            assertThat(reader.line(2)).startsWith("   2026-11-25 Vanguard");
            assertThat(reader.data.isRead(NAIRA)).isTrue();
            assertThat(reader.statusLine()).contains("3 unread");
            reader.press("N");
            assertThat(reader.line(2)).startsWith("N  2026-11-25 Vanguard");
            assertThat(reader.statusLine()).contains("4 unread");
        }

        @Test
        void sStarsAndUnstars() {
            ReaderHarness reader = reader().press("ENTER", "j", "j", "s");
            assertThat(reader.line(3)).startsWith("N* 2026-11-24");
            assertThat(reader.data.isStarred(EAGLES)).isTrue();
            assertThat(reader.statusLine()).contains("1 starred");
            reader.press("s");
            assertThat(reader.line(3)).startsWith("N  2026-11-24");
            assertThat(reader.statusLine()).contains("0 starred");
        }

        @Test
        void theStarredListShowsStarredArticles() {
            ReaderHarness reader = reader().press("ENTER", "j", "j", "s", "q", "j", "ENTER");
            assertThat(reader.line(0)).startsWith(" tidings: Starred");
            assertThat(reader.line(1)).startsWith("N* 2026-11-24 Nigeria News 24  Super Eagles win in Uyo");
            assertThat(reader.line(2)).isEmpty();
        }

        @Test
        void starredAndSearchListsShowReadArticlesToo() {
            ReaderHarness reader = reader().press("ENTER", "j", "s", "ENTER", "q", "q", "j", "ENTER");
            assertThat(reader.line(1)).startsWith(" * 2026-11-25 Vanguard         Naira falls");
            reader.press("q", "/").type("naira").press("ENTER");
            assertThat(reader.line(1)).startsWith(" * 2026-11-25 Vanguard         Naira falls");
        }

        @Test
        void shiftAMarksTheWholeListRead() {
            ReaderHarness reader = reader().press("ENTER", "A");
            assertThat(reader.lines().subList(1, 5)).allMatch(line -> line.startsWith("   2026-"));
            assertThat(reader.statusLine()).contains("0 unread");
            assertThat(reader.messageLine()).isEqualTo("Marked 4 read");
        }

        @Test
        void nAndPMoveToTheNextAndPreviousUnread() {
            ReaderHarness reader = reader().press("ENTER", "j", "N", "g", "n");
            assertThat(reader.statusLine()).startsWith(" 3/4");
            reader.press("p");
            assertThat(reader.statusLine()).startsWith(" 1/4");
            reader.press("p");
            assertThat(reader.messageLine()).isEqualTo("No more unread");
        }

        @Test
        void lShowsReadArticlesToo() {
            ReaderHarness reader = reader().press("j", "j", "j", "ENTER", "ENTER", "q", "q", "ENTER");
            // Nigeria News 24's budget copy is read now: hidden while only unread are shown
            assertThat(reader.screen()).doesNotContain("Senate passes 2027 budget");
            reader.press("l");
            assertThat(reader.line(1)).startsWith("   2026-11-26 Nigeria News 24  Senate passes 2027 budget");
            assertThat(reader.line(2)).startsWith("N  2026-11-24 Nigeria News 24  Super Eagles");
        }

        @Test
        void gGjkAndArrowsMove() {
            ReaderHarness reader = reader().press("ENTER", "G");
            assertThat(reader.statusLine()).startsWith(" 4/4");
            reader.press("k", "UP");
            assertThat(reader.statusLine()).startsWith(" 2/4");
            reader.press("g", "j", "DOWN");
            assertThat(reader.statusLine()).startsWith(" 3/4");
        }

        @Test
        void loadsLongListsLazilyByPage() {
            FakeReaderData data = new FakeReaderData().feed(1, "Wire", null);
            for (int i = 0; i < 500; i++) {
                data.add(1, at("2026-01-01T00:00:00Z").plusSeconds(60L * i), String.format("Story %03d", i));
            }
            ReaderHarness reader = new ReaderHarness(data, 80, 24);
            int callsBefore = data.articleCalls();

            reader.press("ENTER");
            assertThat(reader.statusLine()).startsWith(" 1/50+");
            assertThat(reader.line(1)).endsWith("Story 499");
            assertThat(data.articleCalls() - callsBefore).isEqualTo(1);

            reader.press("PGDN");
            assertThat(reader.statusLine()).startsWith(" 22/50+");
            reader.press("PGDN", "PGDN");
            assertThat(reader.statusLine()).startsWith(" 64/100+");
            assertThat(reader.lines()).anyMatch(line -> line.endsWith("Story 436"));
            reader.press("PGUP");
            assertThat(reader.statusLine()).startsWith(" 43/100+");

            reader.press("G");
            assertThat(reader.statusLine()).startsWith(" 500/500 ");
            assertThat(reader.line(21)).endsWith("Story 000");
        }

        @Test
        void oOpensTheLinkInTheBrowser() {
            ReaderHarness reader = reader().press("ENTER", "j", "o");
            assertThat(reader.opened).containsExactly("https://vanguard.example/naira");
            assertThat(reader.messageLine()).isEqualTo("Opened https://vanguard.example/naira");
        }

        @Test
        void rReloadsTheFeedOfTheList() {
            ReaderHarness reader = reader();
            reader.reloader.willAdd(SITE, at("2026-11-27T07:30:00Z"), "Breaking: storm in Abuja");
            reader.press("j", "j", "j", "ENTER", "r");

            assertThat(reader.reloader.calls()).containsExactly("feed " + SITE);
            assertThat(reader.line(1)).startsWith("N  2026-11-27 Nigeria News 24  Breaking: storm in Abuja");
        }

        @Test
        void rInAllUnreadReloadsTheSelectedArticlesFeed() {
            ReaderHarness reader = reader().press("ENTER", "j", "r");
            assertThat(reader.reloader.calls()).containsExactly("feed " + VANGUARD);
        }

        @Test
        void qGoesBack() {
            ReaderHarness reader = reader().press("ENTER", "q");
            assertThat(reader.line(0)).startsWith(" tidings: Sources");
            assertThat(reader.app.hasQuit()).isFalse();
        }

        @Test
        void tabOnlyWorksAtTheTopLevel() {
            ReaderHarness reader = reader().press("ENTER", "TAB");
            assertThat(reader.line(0)).startsWith(" tidings: All unread");
            assertThat(reader.messageLine()).isEqualTo("Tab switches Sources and Topics at the top level (q goes back)");
        }

        @Test
        void helpOpensOverTheListAndClosesBackToIt() {
            ReaderHarness reader = reader().press("ENTER", "j", "?");
            assertThat(reader.line(0)).startsWith(" tidings: Help");
            reader.press("q");
            assertThat(reader.line(0)).startsWith(" tidings: All unread");
            assertThat(reader.statusLine()).startsWith(" 2/4");
        }

        @Test
        void shiftRReloadsAllFromAList() {
            ReaderHarness reader = reader().press("ENTER", "R");
            assertThat(reader.reloader.calls()).containsExactly("all");
        }

        @Test
        void saysSoWhenTheListIsEmpty() {
            ReaderHarness reader = reader().press("j", "j", "j", "j", "ENTER");
            assertThat(reader.line(1)).isEqualTo("  No unread articles here (l shows read ones too)");
            reader.press("q", "g", "j", "ENTER");
            assertThat(reader.line(1)).isEqualTo("  No articles here");
        }
    }

    @Nested
    class Search {
        @Test
        void slashSearchesAndListsTheMatches() {
            ReaderHarness reader = reader().press("/");
            assertThat(reader.messageLine()).isEqualTo("/");
            reader.type("naira");
            assertThat(reader.messageLine()).isEqualTo("/naira");
            reader.press("ENTER");

            assertThat(reader.line(0)).startsWith(" tidings: Search: naira");
            assertThat(reader.line(1)).startsWith("N  2026-11-25 Vanguard         Naira falls against dollar");
            assertThat(reader.line(2)).isEmpty();
        }

        @Test
        void escapeCancelsAndBackspaceDeletes() {
            ReaderHarness reader = reader().press("/").type("nairx").press("BACKSPACE");
            assertThat(reader.messageLine()).isEqualTo("/nair");
            reader.press("ESC");
            assertThat(reader.messageLine()).isEmpty();
            assertThat(reader.line(0)).startsWith(" tidings: Sources");
        }

        @Test
        void keysTypedIntoThePromptAreNotActions() {
            ReaderHarness reader = reader().press("/").type("qjR").press("ENTER");
            assertThat(reader.app.hasQuit()).isFalse();
            assertThat(reader.reloader.calls()).isEmpty();
            assertThat(reader.line(0)).startsWith(" tidings: Search: qjR");
        }
    }

    @Nested
    class ArticleView {
        private ReaderHarness openBudgetAtSite() {
            return reader().press("j", "j", "j", "ENTER", "ENTER");
        }

        @Test
        void showsHeadersThenTheRenderedBody() {
            ReaderHarness reader = openBudgetAtSite();

            assertThat(reader.lines().subList(1, 29 - 8)).containsSubsequence(
                    "Senate passes 2027 budget",
                    "Source: Nigeria News 24",
                    "Topics: Politics, Nigeria",
                    "Author: Ade Bello",
                    "Date: 2026-11-26 10:00",
                    "Link: https://nn24.example/budget",
                    "Also at: People's Daily  (c opens)",
                    "",
                    "BUDGET".equals("") ? "" : "Budget",
                    "",
                    "The Senate on Thursday passed the budget[1].",
                    "",
                    "• Health up",
                    "• Defence flat",
                    "",
                    "1. First reading",
                    "2. Second reading");
            assertThat(reader.statusLine()).startsWith(" lines 1-21/");
        }

        @Test
        void scrollsWithJkPageKeysAndgG() {
            ReaderHarness reader = openBudgetAtSite();
            reader.press("G");
            assertThat(reader.lines()).contains("    A good day, said the clerk.", "[image: The chamber] click[2]",
                    "Links:", "[1] https://nn24.example/budget",
                    "[2] javascript:alert(1) (not opened: javascript link)");
            assertThat(reader.line(1)).isNotEqualTo("Senate passes 2027 budget");
            reader.press("g");
            assertThat(reader.line(1)).isEqualTo("Senate passes 2027 budget");
            reader.press("j");
            assertThat(reader.line(1)).isEqualTo("Source: Nigeria News 24");
            reader.press("k");
            assertThat(reader.line(1)).isEqualTo("Senate passes 2027 budget");
            reader.press("PGDN");
            assertThat(reader.line(1)).isNotEqualTo("Senate passes 2027 budget");
            reader.press("PGUP");
            assertThat(reader.line(1)).isEqualTo("Senate passes 2027 budget");
        }

        @Test
        void scrollingReflowsInASmallTerminal() {
            ReaderHarness reader = reader();
            reader.terminal.setTerminalSize(new TerminalSize(40, 10));
            reader.step();
            reader.press("j", "j", "j", "ENTER", "ENTER");
            assertThat(reader.lines()).allMatch(line -> TerminalText.width(line) <= 40);
            reader.press("PGDN");
            assertThat(reader.line(1)).isNotEqualTo("Senate passes 2027 budget");
        }

        @Test
        void oOpensTheArticleLink() {
            ReaderHarness reader = openBudgetAtSite().press("o");
            assertThat(reader.opened).containsExactly("https://nn24.example/budget");
        }

        @Test
        void cOpensTheStoryAtTheOtherOutlet() {
            ReaderHarness reader = openBudgetAtSite().press("c");
            assertThat(reader.line(1)).isEqualTo("Nigeria's Senate passes budget");
            assertThat(reader.lines()).contains("Source: People's Daily", "Author: Xinhua", "Wire copy.");
            reader.press("q");
            assertThat(reader.line(1)).isEqualTo("Senate passes 2027 budget");
        }

        @Test
        void nOpensTheNextUnreadArticleOfTheListAndPThePrevious() {
            ReaderHarness reader = reader().press("ENTER", "ENTER", "n");
            assertThat(reader.line(1)).isEqualTo("Naira falls against dollar");
            assertThat(reader.data.isRead(NAIRA)).isTrue();
            reader.press("n");
            assertThat(reader.line(1)).isEqualTo("Super Eagles win in Uyo");
            reader.press("N", "p", "p");
            assertThat(reader.messageLine()).isEqualTo("No more unread");
            reader.press("q");
            assertThat(reader.line(0)).startsWith(" tidings: All unread");
            assertThat(reader.line(3)).startsWith("N  2026-11-24");
        }

        @Test
        void nAfterOpeningACopyReturnsToTheListFlow() {
            ReaderHarness reader = reader().press("ENTER", "ENTER", "c", "n", "q");
            assertThat(reader.line(0)).startsWith(" tidings: All unread");
        }

        @Test
        void helpAndSlashWorkFromAnArticle() {
            ReaderHarness reader = openBudgetAtSite().press("?");
            assertThat(reader.line(0)).startsWith(" tidings: Help");
            reader.press("q", "/");
            assertThat(reader.line(1)).isEqualTo("Senate passes 2027 budget");
            reader.type("eagles").press("ENTER");
            assertThat(reader.line(0)).startsWith(" tidings: Search: eagles");
        }

        @Test
        void lFromAnArticleChangesTheListBehind() {
            ReaderHarness reader = reader().press("ENTER", "ENTER", "l", "q");
            assertThat(reader.statusLine()).contains("[all]");
            assertThat(reader.line(1)).startsWith("   2026-11-26 People's Daily");
        }

        @Test
        void shiftNMarksUnreadAgain() {
            ReaderHarness reader = openBudgetAtSite().press("N");
            assertThat(reader.data.isRead(BUDGET_SITE)).isFalse();
            assertThat(reader.data.isRead(BUDGET_PD)).isFalse();
            assertThat(reader.messageLine()).isEqualTo("Marked unread");
            assertThat(reader.statusLine()).contains("4 unread");
        }

        @Test
        void sStars() {
            ReaderHarness reader = openBudgetAtSite().press("s");
            assertThat(reader.data.isStarred(BUDGET_SITE)).isTrue();
            assertThat(reader.statusLine()).contains("1 starred");
        }

        @Test
        void rReloadsTheArticlesFeed() {
            ReaderHarness reader = openBudgetAtSite().press("r");
            assertThat(reader.reloader.calls()).containsExactly("feed " + SITE);
        }

        @Test
        void qGoesBackToTheList() {
            ReaderHarness reader = openBudgetAtSite().press("q");
            assertThat(reader.line(0)).startsWith(" tidings: Nigeria News 24 (feed)");
        }

        @Test
        void javascriptLinksAreNeverOpened() {
            FakeReaderData data = new FakeReaderData().feed(1, "Odd", null);
            data.add(1, 1, 1, at("2026-11-20T00:00:00Z"), "Bad link", null, "<p>x</p>", "javascript:alert(1)");
            ReaderHarness reader = new ReaderHarness(data, 80, 24).press("ENTER", "ENTER", "o");
            assertThat(reader.opened).isEmpty();
            assertThat(reader.messageLine()).startsWith("not opened: only http and https links are opened");
        }
    }

    @Nested
    class HelpOverlayView {
        @Test
        void listsEveryActionWithItsKeys() {
            ReaderHarness reader = new ReaderHarness(world(), 80, 30).press("?");
            assertThat(reader.line(0)).startsWith(" tidings: Help");
            String screen = reader.screen();
            for (Action action : Action.values()) {
                assertThat(screen).contains(action.description());
            }
            assertThat(screen).contains(
                    "  j, Down      move down                                  down",
                    "  Tab          switch Sources / Topics                    switch-view",
                    "  PgDn         page down                                  page-down",
                    "  PgUp         page up                                    page-up").doesNotContain("NPAGE", "PPAGE");
        }

        @Test
        void qOrQuestionMarkCloses() {
            ReaderHarness reader = reader().press("?", "q");
            assertThat(reader.line(0)).startsWith(" tidings: Sources");
            reader.press("?", "?");
            assertThat(reader.line(0)).startsWith(" tidings: Sources");
            assertThat(reader.app.hasQuit()).isFalse();
        }

        @Test
        void showsRemappedKeys() {
            KeyMap keys = KeyMap.newsboatDefaults().unbind("j").bind("J", Action.DOWN);
            FakeReaderData data = world();
            ReaderHarness reader = new ReaderHarness(data, new FakeReloader(data), 80, 30, true, keys, Runnable::run);
            reader.press("?");
            assertThat(reader.screen()).contains("  Down, J      move down");
            reader.press("q", "J");
            assertThat(reader.statusLine()).startsWith(" 2/7");
        }
    }

    @Nested
    class UntrustedText {
        private static final String HOSTILE = "\u001b[2J\u001b]52;c;SGVsbG8=\u0007 Pwned \u001b]8;;http://evil/\u001b\\x\u001b]8;;\u001b\\ \u009b31m\u202Eevil";

        @Test
        void escapeSequencesInTitleAuthorAndBodyShowAsTextAndDoNothing() {
            FakeReaderData data = new FakeReaderData().feed(1, "Feed\u001b[31m", null);
            data.add(1, 1, 1, at("2026-11-20T00:00:00Z"), "Title " + HOSTILE, "Author " + HOSTILE,
                    "<p>Body " + HOSTILE + "</p><a href=\"http://x/\u001b[2J\">l</a>", "https://ok.example/");
            ReaderHarness reader = new ReaderHarness(data, 120, 24);

            assertThat(reader.line(3)).startsWith("  Feed␛[31m");
            reader.press("j", "j", "ENTER");
            assertThat(reader.line(1)).contains("Title ␛[2J␛]52;c;SGVsbG8=␇ Pwned ␛]8;;http://evil/␛\\x␛]8;;␛\\ �31mevil");
            reader.press("ENTER");
            assertThat(reader.screen())
                    .contains("Title ␛[2J␛]52;c;SGVsbG8=␇ Pwned")
                    .contains("Author: Author ␛[2J␛]52;c;SGVsbG8=␇ Pwned")
                    .contains("Body ␛[2J␛]52;c;SGVsbG8=␇ Pwned")
                    .contains("Source: Feed␛[31m");
            assertNoControlCharacters(reader);
        }

        @Test
        void hostileTextDoesNotClearTheScreen() {
            FakeReaderData data = new FakeReaderData().feed(1, "Feed", null);
            data.add(1, at("2026-11-21T00:00:00Z"), "First honest title");
            data.add(1, at("2026-11-20T00:00:00Z"), "\u001b[2J\u001b[H");
            ReaderHarness reader = new ReaderHarness(data, 80, 24).press("ENTER");
            assertThat(reader.line(1)).endsWith("First honest title");
            assertThat(reader.line(2)).endsWith("␛[2J␛[H");
            assertThat(reader.line(0)).startsWith(" tidings: All unread");
        }

        private void assertNoControlCharacters(ReaderHarness reader) {
            for (int y = 0; y < reader.rows(); y++) {
                for (int x = 0; x < reader.columns(); x++) {
                    String cell = reader.cell(x, y).getCharacterString();
                    assertThat(cell.codePoints().allMatch(cp -> cp >= 0x20 && cp != 0x7F && !(cp >= 0x80 && cp <= 0x9F)
                            && !(cp >= 0x202A && cp <= 0x202E) && !(cp >= 0x2066 && cp <= 0x2069)))
                            .as("cell %d,%d = %s", x, y, cell)
                            .isTrue();
                }
            }
        }

        @Test
        void wideCharactersKeepTheColumnsAligned() {
            FakeReaderData data = new FakeReaderData()
                    .feed(1, "人民日报 People's Daily", null)
                    .feed(2, "🔥 Hot 🔥 News", null)
                    .feed(3, "Plain", null);
            data.add(1, at("2026-11-22T00:00:00Z"), "中国与尼日利亚举行贸易会谈 and more words to fill the line up");
            data.add(2, at("2026-11-21T00:00:00Z"), "🔥🔥 Breaking ⭐ news 😀 today");
            data.add(3, at("2026-11-20T00:00:00Z"), "Plain title");
            ReaderHarness reader = new ReaderHarness(data, 80, 24).press("ENTER");

            int plainTitle = reader.columnOf(3, "Plain title");
            assertThat(reader.columnOf(1, "中国")).isEqualTo(plainTitle);
            assertThat(reader.columnOf(2, "🔥🔥")).isEqualTo(plainTitle);
            assertThat(reader.columnOf(1, "2026-11-22")).isEqualTo(reader.columnOf(3, "2026-11-20"));
            assertThat(reader.columnOf(2, "🔥 Hot")).isEqualTo(reader.columnOf(3, "Plain "));
            for (int row = 1; row <= 3; row++) {
                assertThat(TerminalText.width(reader.line(row))).isLessThanOrEqualTo(80);
            }
            // the CJK title is cut at the screen edge, never wrapped onto the next row
            assertThat(reader.line(2)).startsWith("N  2026-11-21");
        }

        @Test
        void rightToLeftTextDoesNotBreakTheLayout() {
            FakeReaderData data = new FakeReaderData()
                    .feed(1, "الجزيرة نت", null)
                    .feed(2, "Plain", null);
            data.add(1, at("2026-11-22T00:00:00Z"), "\u202Bقمة أبوجا\u202C \u2067isolated\u2069 \u200Fend");
            data.add(2, at("2026-11-20T00:00:00Z"), "Plain title");
            ReaderHarness reader = new ReaderHarness(data, 80, 24).press("ENTER");

            assertThat(reader.line(1)).isEqualTo("N  2026-11-22 الجزيرة نت       قمة أبوجا isolated end");
            assertThat(reader.columnOf(1, "قمة")).isEqualTo(reader.columnOf(2, "Plain title"));
            assertNoControlCharacters(reader);
        }
    }

    @Nested
    class Terminal {
        @Test
        void resizingReflows() {
            ReaderHarness reader = reader().press("ENTER");
            assertThat(reader.line(1)).endsWith("(also at: Nigeri…");

            reader.terminal.setTerminalSize(new TerminalSize(50, 12));
            reader.step();
            assertThat(reader.line(0)).startsWith(" tidings: All unread");
            assertThat(reader.line(1)).hasSize(50).endsWith("…");
            assertThat(reader.statusLine()).isEqualTo(reader.line(10));
            assertThat(reader.lines()).allMatch(line -> TerminalText.width(line) <= 50);

            reader.terminal.setTerminalSize(new TerminalSize(200, 60));
            reader.step();
            assertThat(reader.line(1)).startsWith("N  2026-11-26 People's Daily").endsWith("(also at: Nigeria News 24)");
            assertThat(reader.statusLine()).isEqualTo(reader.line(58));
            assertThat(reader.line(0)).endsWith("?:help q:back");
            assertThat(reader.columnOf(0, "?:help")).isEqualTo(200 - "?:help q:back ".length());
        }

        @Test
        void aTinyTerminalDoesNotCrash() {
            ReaderHarness reader = reader();
            reader.terminal.setTerminalSize(new TerminalSize(5, 2));
            reader.step();
            reader.press("ENTER", "ENTER", "G", "j", "q");
            assertThat(reader.line(0)).isEqualTo(" tid…");
            reader.terminal.setTerminalSize(new TerminalSize(80, 24));
            reader.step();
            assertThat(reader.line(0)).startsWith(" tidings: All unread");
        }

        @Test
        void noColorMeansNoColourAtAll() {
            FakeReaderData data = world();
            data.failingFeed(9, "Broken", "HTTP 500");
            ReaderConfig config = ReaderConfig.fromEnvironment(Map.of("NO_COLOR", "1"));
            ReaderHarness reader = new ReaderHarness(data, new FakeReloader(data), 80, 24, config.colour(),
                    KeyMap.newsboatDefaults(), Runnable::run);
            reader.press("ENTER", "j", "s", "R");

            assertThat(config.colour()).isFalse();
            assertThat(reader.messageLine()).contains("1 failed (feed 9: HTTP 404)");
            for (int y = 0; y < 24; y++) {
                for (int x = 0; x < 80; x++) {
                    TextCharacter cell = reader.cell(x, y);
                    assertThat(cell.getForegroundColor()).isEqualTo(TextColor.ANSI.DEFAULT);
                    assertThat(cell.getBackgroundColor()).isEqualTo(TextColor.ANSI.DEFAULT);
                }
            }
        }

        @Test
        void coloursAreOnlyForegroundAccents() {
            ReaderHarness reader = reader().press("ENTER", "j", "s", "k");
            assertThat(reader.cell(1, 2).getCharacterString()).isEqualTo("*");
            assertThat(reader.cell(1, 2).getForegroundColor()).isEqualTo(TextColor.ANSI.YELLOW);
            for (int y = 0; y < 24; y++) {
                for (int x = 0; x < 80; x++) {
                    assertThat(reader.cell(x, y).getBackgroundColor()).isEqualTo(TextColor.ANSI.DEFAULT);
                }
            }
        }

        @Test
        void anEmptyNoColorVariableKeepsColour() {
            assertThat(ReaderConfig.fromEnvironment(Map.of("NO_COLOR", "")).colour()).isTrue();
            assertThat(ReaderConfig.fromEnvironment(Map.of()).colour()).isTrue();
        }

        @Test
        void runReturnsWhenTheUserQuitsAndRestoresTheTerminal() throws Exception {
            FakeReaderData data = world();
            com.googlecode.lanterna.terminal.virtual.DefaultVirtualTerminal terminal =
                    new com.googlecode.lanterna.terminal.virtual.DefaultVirtualTerminal(new TerminalSize(80, 24));
            ReaderApp app = new ReaderApp(data, new FakeReloader(data),
                    new com.googlecode.lanterna.screen.TerminalScreen(terminal), KeyMap.newsboatDefaults(),
                    java.time.InstantSource.system(), ReaderConfig.fromEnvironment(Map.of()));
            Thread thread = new Thread(app::run, "reader-under-test");
            thread.start();
            terminal.addInput(ReaderHarness.stroke("ENTER"));
            terminal.addInput(ReaderHarness.stroke("q"));
            terminal.addInput(ReaderHarness.stroke("q"));
            thread.join(Duration.ofSeconds(10).toMillis());

            assertThat(thread.isAlive()).isFalse();
            assertThat(app.hasQuit()).isTrue();
        }

        @Test
        void readsTheBrowserFromTheEnvironment() {
            assertThat(ReaderConfig.fromEnvironment(Map.of("BROWSER", "firefox")).browser()).isEqualTo("firefox");
            assertThat(ReaderConfig.fromEnvironment(Map.of()).browser()).isEmpty();
        }

        @Test
        void anUnboundKeySaysHowToGetHelp() {
            ReaderHarness reader = reader().press("z");
            assertThat(reader.messageLine()).isEqualTo("Unbound key (? shows the keys)");
        }
    }

    @Nested
    class Background {
        private final List<ExecutorService> executors = new ArrayList<>();

        @AfterEach
        void stopExecutors() {
            executors.forEach(ExecutorService::shutdownNow);
        }

        @Test
        void theScreenKeepsWorkingWhileAReloadRuns() {
            FakeReaderData data = world();
            FakeReloader reloader = new FakeReloader(data).blockUntilReleased();
            reloader.willAdd(VANGUARD, at("2026-11-27T07:00:00Z"), "Late news");
            ExecutorService executor = Executors.newSingleThreadExecutor();
            executors.add(executor);
            ReaderHarness reader = new ReaderHarness(data, reloader, 80, 24, true, KeyMap.newsboatDefaults(), executor);

            reader.press("R");
            reader.stepUntil(() -> reader.statusLine().contains("Reloading 0/2: everything"));
            reader.press("j", "j");
            assertThat(reader.statusLine()).startsWith(" 3/7");
            reader.press("R");
            assertThat(reader.messageLine()).isEqualTo("A reload is already running");

            reloader.release();
            reader.stepUntil(() -> reader.line(1).endsWith("(5)"));
            assertThat(reader.line(6)).startsWith("    Vanguard").endsWith("(2)");
            assertThat(reader.statusLine()).doesNotContain("Reloading");
        }

        @Test
        void noticesArticlesWrittenByAnotherProcess() {
            ReaderHarness reader = reader().press("ENTER");
            reader.data.add(VANGUARD, at("2026-11-27T07:45:00Z"), "Written by the daemon");

            reader.step();
            assertThat(reader.screen()).doesNotContain("Written by the daemon");
            reader.clock.advance(Duration.ofSeconds(3));
            reader.step();
            assertThat(reader.line(1)).startsWith("N  2026-11-27 Vanguard         Written by the daemon");
            assertThat(reader.statusLine()).contains("5 unread");
        }

        @Test
        void rereadingAnUnreadOnlyListDropsReadRowsAndKeepsTheCursorPlace() {
            ReaderHarness reader = reader().press("ENTER", "j", "ENTER", "q");
            assertThat(reader.line(2)).startsWith("   2026-11-25 Vanguard");
            reader.data.add(PEOPLES_DAILY, at("2026-11-27T07:50:00Z"), "Another wire story");
            reader.clock.advance(Duration.ofSeconds(5));
            reader.step();

            assertThat(reader.screen()).doesNotContain("Naira falls");
            assertThat(reader.line(1)).endsWith("Another wire story");
            assertThat(reader.statusLine()).startsWith(" 2/4");
        }

        @Test
        void aFailingStoreShowsTheErrorAndTheReaderGoesOn() {
            ReaderHarness reader = reader();
            reader.data.failWith(new IllegalStateException("database is locked"));
            reader.press("ENTER");
            assertThat(reader.messageLine()).isEqualTo("database is locked");
            assertThat(reader.line(0)).startsWith(" tidings: Sources");

            reader.data.failWith(null);
            reader.press("ENTER");
            assertThat(reader.line(0)).startsWith(" tidings: All unread");
        }

        @Test
        void aThrowingReloaderIsReported() {
            FakeReaderData data = world();
            Reloader broken = new Reloader() {
                @Override
                public Result reloadFeed(long feedId, Progress progress) {
                    throw new IllegalStateException("network unreachable");
                }

                @Override
                public Result reloadAll(Progress progress) {
                    throw new IllegalStateException("network unreachable");
                }
            };
            ReaderHarness reader = new ReaderHarness(data, broken, 80, 24, true, KeyMap.newsboatDefaults(),
                    Runnable::run);
            reader.press("R");
            assertThat(reader.messageLine()).isEqualTo("reload failed: network unreachable (R tries again)");
            assertThat(reader.app.hasQuit()).isFalse();
        }
    }
}
