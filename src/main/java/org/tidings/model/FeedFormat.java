package org.tidings.model;

/** The syndication format a document was read as. */
public enum FeedFormat {
    RSS_090,
    RSS_091,
    RSS_092,
    RSS_093,
    RSS_094,
    RSS_20,
    RSS_10,
    ATOM_03,
    ATOM_10,
    JSON_FEED_10,
    JSON_FEED_11,
    UNKNOWN
}
