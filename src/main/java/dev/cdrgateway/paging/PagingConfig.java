package dev.cdrgateway.paging;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.util.Optional;

/** Connection paging: page-size limits and the cursor signing secret ({@code gateway.paging.*}, {@code gateway.cursor-secret}). */
@ConfigMapping(prefix = "gateway")
public interface PagingConfig {

    /**
     * Secret that signs pagination cursors (at least 16 bytes). Set the same value on every replica so cursors
     * survive restarts and load balancing; when absent a random per-process key is used (and a warning logged).
     */
    Optional<String> cursorSecret();

    /** Connection paging limits. */
    Paging paging();

    /** Paging limits of connection fields. */
    interface Paging {
        /** Page size when neither {@code first} nor {@code last} is given. */
        @WithDefault("20")
        int defaultFirst();

        /** Largest {@code first}/{@code last} accepted; larger windows are fetched as several concurrent upstream pages. */
        @WithDefault("500")
        int maxFirst();

        /** Largest {@code limit} of recent-calls fields (the account API's recent endpoint documents no maximum). */
        @WithDefault("100")
        int maxRecent();
    }
}
