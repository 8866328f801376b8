package io.flashsale.web.validation;

import jakarta.validation.Path;
import jakarta.validation.TraversableResolver;

import java.lang.annotation.ElementType;

/**
 * Request bodies are plain records, never JPA entities: every property may be read and cascaded. Without this,
 * Hibernate Validator asks JPA ({@code Persistence.isLoaded}, under a lock in EclipseLink) about every property of
 * every request body, which serialised the HTTP workers under load.
 */
public class PlainObjectTraversableResolver implements TraversableResolver {

    @Override
    public boolean isReachable(Object traversableObject, Path.Node traversableProperty, Class<?> rootBeanType,
                               Path pathToTraversableObject, ElementType elementType) {
        return true;
    }

    @Override
    public boolean isCascadable(Object traversableObject, Path.Node traversableProperty, Class<?> rootBeanType,
                                Path pathToTraversableObject, ElementType elementType) {
        return true;
    }
}
