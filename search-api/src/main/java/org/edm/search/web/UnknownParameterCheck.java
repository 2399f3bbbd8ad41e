package org.edm.search.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.core.MethodParameter;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;

/**
 * Refuses query parameters an endpoint does not declare with {@code @RequestParam}: a
 * misspelt filter ({@code ?verison=5.0}) would otherwise be ignored silently and return
 * more than asked for.
 */
class UnknownParameterCheck implements HandlerInterceptor {

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        if (!(handler instanceof HandlerMethod method)) {
            return true;
        }
        Set<String> allowed = new TreeSet<>();
        for (MethodParameter parameter : method.getMethodParameters()) {
            RequestParam annotation = parameter.getParameterAnnotation(RequestParam.class);
            if (annotation != null) {
                allowed.add(annotation.name().isEmpty() ? annotation.value() : annotation.name());
            }
        }
        List<String> unknown = new ArrayList<>();
        for (String name : request.getParameterMap().keySet()) {
            if (!allowed.contains(name)) {
                unknown.add(name);
            }
        }
        if (!unknown.isEmpty()) {
            unknown.sort(null);
            throw new UnknownParameter(unknown, List.copyOf(allowed));
        }
        return true;
    }

}
