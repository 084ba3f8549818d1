-- The counter triggers join the rows a statement inserted or deleted (a transition table, which
-- has no statistics) to articles. Left to the planner, that was a hash join over a sequential scan
-- of all articles, once per statement: a cold sync grew quadratic with the database (6.6 ms of
-- server CPU per article at 50,000). Each statement touches a few dozen rows, so these functions
-- plan with nested loops over the primary keys.
ALTER FUNCTION appearances_added() SET enable_hashjoin = off;
ALTER FUNCTION appearances_added() SET enable_mergejoin = off;
ALTER FUNCTION appearances_removed() SET enable_hashjoin = off;
ALTER FUNCTION appearances_removed() SET enable_mergejoin = off;
ALTER FUNCTION article_topics_added() SET enable_hashjoin = off;
ALTER FUNCTION article_topics_added() SET enable_mergejoin = off;
ALTER FUNCTION article_topics_removed() SET enable_hashjoin = off;
ALTER FUNCTION article_topics_removed() SET enable_mergejoin = off;
ALTER FUNCTION folder_appearances_added() SET enable_hashjoin = off;
ALTER FUNCTION folder_appearances_added() SET enable_mergejoin = off;
ALTER FUNCTION folder_appearances_removed() SET enable_hashjoin = off;
ALTER FUNCTION folder_appearances_removed() SET enable_mergejoin = off;

-- Search documents go through tidings_fold (V001), whose translate() over its 488 letters cost
-- about 7 ms of server CPU per 5 KB article, most of a cold sync on PostgreSQL. The letters it
-- folds all lie in U+00C0-U+024F and U+1E00-U+1EFF: text without any of them (most of it) is
-- returned as it is after one regular-expression test. Same results, about 250 times cheaper.
CREATE OR REPLACE FUNCTION tidings_fold(words text) RETURNS text LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
    SELECT CASE WHEN words ~ '[À-ɏḀ-ỿ]' THEN translate(words, 'ÀÁÂÃÄÅÇÈÉÊËÌÍÎÏÑÒÓÔÕÖÙÚÛÜÝàáâãäåçèéêëìíîïñòóôõöùúûüýÿĀāĂăĄąĆćĈĉĊċČčĎďĒēĔĕĖėĘęĚěĜĝĞğĠġĢģĤĥĨĩĪīĬĭĮįİĴĵĶķĹĺĻļĽľŃńŅņŇňŌōŎŏŐőŔŕŖŗŘřŚśŜŝŞşŠšŢţŤťŨũŪūŬŭŮůŰűŲųŴŵŶŷŸŹźŻżŽžƠơƯưǍǎǏǐǑǒǓǔǕǖǗǘǙǚǛǜǞǟǠǡǦǧǨǩǪǫǬǭǰǴǵǸǹǺǻȀȁȂȃȄȅȆȇȈȉȊȋȌȍȎȏȐȑȒȓȔȕȖȗȘșȚțȞȟȦȧȨȩȪȫȬȭȮȯȰȱȲȳḀḁḂḃḄḅḆḇḈḉḊḋḌḍḎḏḐḑḒḓḔḕḖḗḘḙḚḛḜḝḞḟḠḡḢḣḤḥḦḧḨḩḪḫḬḭḮḯḰḱḲḳḴḵḶḷḸḹḺḻḼḽḾḿṀṁṂṃṄṅṆṇṈṉṊṋṌṍṎṏṐṑṒṓṔṕṖṗṘṙṚṛṜṝṞṟṠṡṢṣṤṥṦṧṨṩṪṫṬṭṮṯṰṱṲṳṴṵṶṷṸṹṺṻṼṽṾṿẀẁẂẃẄẅẆẇẈẉẊẋẌẍẎẏẐẑẒẓẔẕẖẗẘẙẠạẢảẤấẦầẨẩẪẫẬậẮắẰằẲẳẴẵẶặẸẹẺẻẼẽẾếỀềỂểỄễỆệỈỉỊịỌọỎỏỐốỒồỔổỖỗỘộỚớỜờỞởỠỡỢợỤụỦủỨứỪừỬửỮữỰựỲỳỴỵỶỷỸỹ', 'AAAAAACEEEEIIIINOOOOOUUUUYaaaaaaceeeeiiiinooooouuuuyyAaAaAaCcCcCcCcDdEeEeEeEeEeGgGgGgGgHhIiIiIiIiIJjKkLlLlLlNnNnNnOoOoOoRrRrRrSsSsSsSsTtTtUuUuUuUuUuUuWwYyYZzZzZzOoUuAaIiOoUuUuUuUuUuAaAaGgKkOoOojGgNnAaAaAaEeEeIiIiOoOoRrRrUuUuSsTtHhAaEeOoOoOoOoYyAaBbBbBbCcDdDdDdDdDdEeEeEeEeEeFfGgHhHhHhHhHhIiIiKkKkKkLlLlLlLlMmMmMmNnNnNnNnOoOoOoOoPpPpRrRrRrRrSsSsSsSsSsTtTtTtTtUuUuUuUuUuVvVvWwWwWwWwWwXxXxYyZzZzZzhtwyAaAaAaAaAaAaAaAaAaAaAaAaEeEeEeEeEeEeEeEeIiIiOoOoOoOoOoOoOoOoOoOoOoOoUuUuUuUuUuUuUuYyYyYyYy') ELSE words END
$$;
