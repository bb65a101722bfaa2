package dev.cdrgateway.vobiz.dto;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * Registers every wire DTO (and the custom deserializer Jackson instantiates reflectively) for the native
 * image. Quarkus only registers REST client return types themselves; nested records such as {@link VobizCdr}
 * inside a page would otherwise deserialize to nothing in a native build.
 */
@RegisterForReflection(targets = {
        VobizAccount.class, VobizAccountPage.class, VobizAccountRecord.class,
        VobizAccountRecord.Deserializer.class, VobizCdr.class, VobizCdrPage.class, VobizLegacyMeta.class,
        VobizPagination.class, VobizPricingTier.class, VobizSearchEcho.class, VobizSingleCdr.class,
        VobizSingleCdr.Deserializer.class, VobizSummary.class})
final class DtoReflection {

    private DtoReflection() {
    }
}
