package org.tidings.tui;

import java.time.Instant;

/** A small world: a Nigerian site with category feeds, an outlet it republishes, and a wire. */
final class Fixtures {
    static final long SITE = 1;
    static final long POLITICS = 2;
    static final long PEOPLES_DAILY = 3;
    static final long VANGUARD = 4;

    static final long BUDGET_SITE = 11;
    static final long BUDGET_PD = 12;
    static final long NAIRA = 13;
    static final long EAGLES = 14;
    static final long TRADE = 15;

    private Fixtures() {}

    static Instant at(String iso) {
        return Instant.parse(iso);
    }

    static FakeReaderData world() {
        FakeReaderData data = new FakeReaderData()
                .feed(SITE, "Nigeria News 24", "News")
                .feed(POLITICS, "NN24 Politics", "News")
                .feed(VANGUARD, "Vanguard", "News")
                .feed(PEOPLES_DAILY, "People's Daily", null);
        data.add(BUDGET_SITE, SITE, 100, at("2026-11-26T10:00:00Z"), "Senate passes 2027 budget", "Ade Bello",
                """
                <h2>Budget</h2>
                <p>The Senate on Thursday passed the <a href="https://nn24.example/budget">budget</a>.</p>
                <ul><li>Health up</li><li>Defence flat</li></ul>
                <ol><li>First reading</li><li>Second reading</li></ol>
                <blockquote><p>A good day, said the clerk.</p></blockquote>
                <p><img src="x.jpg" alt="The chamber"> <a href="javascript:alert(1)">click</a></p>
                """, "https://nn24.example/budget", "Politics", "Nigeria");
        data.add(BUDGET_PD, PEOPLES_DAILY, 100, at("2026-11-26T11:00:00Z"), "Nigeria's Senate passes budget",
                "Xinhua", "<p>Wire copy.</p>", "https://pd.example/budget", "Politics");
        data.add(NAIRA, VANGUARD, NAIRA, at("2026-11-25T09:00:00Z"), "Naira falls against dollar", null,
                "<p>Markets.</p>", "https://vanguard.example/naira", "Economy");
        data.add(EAGLES, SITE, EAGLES, at("2026-11-24T18:30:00Z"), "Super Eagles win in Uyo", "Sports desk",
                "<p>Goal!</p>", "https://nn24.example/eagles", "Sport");
        data.add(TRADE, PEOPLES_DAILY, TRADE, at("2026-11-23T07:00:00Z"), "China and Nigeria hold trade talks", null,
                "<p>Talks.</p>", "https://pd.example/trade", "Politics", "World");
        return data;
    }
}
