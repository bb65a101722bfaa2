package dev.cdrgateway.export;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * How the CSV export is written ({@code gateway.export.formula-guard}). How its calls are read from the provider is
 * the provider's setting ({@code vobiz/VobizExportConfig}, same prefix).
 */
@ConfigMapping(prefix = "gateway.export")
public interface ExportConfig {

    /**
     * Prefix text cells that a spreadsheet would run as a formula ({@code = + - @}, tab or carriage return first,
     * and not a plain number) with {@code '}.
     */
    @WithDefault("true")
    boolean formulaGuard();
}
