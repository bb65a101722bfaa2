package dev.cdrgateway.domain.port;

import java.util.List;

/** One upstream page as the paginator needs it: its rows and the size of the whole set. */
public interface PagedResult<T> {

    /** Rows of this page, in upstream order. */
    List<T> rows();

    /** Number of rows in the whole filtered set across all pages. */
    long total();
}
