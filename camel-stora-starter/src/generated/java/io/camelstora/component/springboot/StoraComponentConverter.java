package io.camelstora.component.springboot;

import java.util.LinkedHashSet;
import java.util.Set;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.properties.ConfigurationPropertiesBinding;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.convert.TypeDescriptor;
import org.springframework.core.convert.converter.GenericConverter;
import org.springframework.stereotype.Component;

/**
 * Binds the object options of the stora component from bean references: #bean:name or #name, for example
 * camel.component.stora.idempotent-repository=#bean:processedStoraEvents. A value that is not a reference fails the
 * binding of that property instead of leaving the option unset.
 * <p>
 * Generated from stora.json by StarterSourcesTest: do not edit. After changing an option of the component, run mvn -B
 * test -pl camel-stora-starter -am -Dtest=StarterSourcesTest -Dsurefire.failIfNoSpecifiedTests=false
 * -Dstora.starter.write=true
 */
@Configuration(proxyBeanMethods = false)
@ConfigurationPropertiesBinding
@Component
public class StoraComponentConverter implements GenericConverter {

    @Autowired
    private ApplicationContext applicationContext;

    @Override
    public Set<ConvertiblePair> getConvertibleTypes() {
        Set<ConvertiblePair> answer = new LinkedHashSet<>();
        answer.add(new ConvertiblePair(String.class, org.apache.camel.spi.IdempotentRepository.class));
        answer.add(new ConvertiblePair(String.class, org.apache.camel.spi.StateRepository.class));
        answer.add(new ConvertiblePair(String.class, io.camelstora.component.StoraConfiguration.class));
        answer.add(new ConvertiblePair(String.class, javax.sql.DataSource.class));
        answer.add(new ConvertiblePair(String.class, org.apache.camel.support.jsse.SSLContextParameters.class));
        answer.add(new ConvertiblePair(String.class, io.camelstora.component.auth.TokenStore.class));
        answer.add(new ConvertiblePair(String.class, io.camelstora.component.limits.RequestLimiter.class));
        return answer;
    }

    @Override
    public Object convert(Object source, TypeDescriptor sourceType, TypeDescriptor targetType) {
        if (source == null) {
            return null;
        }
        String reference = source.toString();
        if (!reference.startsWith("#")) {
            throw new IllegalArgumentException("A camel.component.stora option of type " + targetType.getName()
                    + " takes a bean reference such as #bean:myBean, not '" + reference + "'");
        }
        String name = reference.startsWith("#bean:") ? reference.substring(6) : reference.substring(1);
        return applicationContext.getBean(name, targetType.getType());
    }
}
