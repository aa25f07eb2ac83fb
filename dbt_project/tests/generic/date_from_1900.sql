{#- No date before 1900: no reported event is that old, so such a date is a misread year (a
    two-digit year taken as year 19). The contracts refuse it at the door; this guards every
    harmonised date column in case a reading ever drifts from theirs. -#}
{% test date_from_1900(model, column_name) %}
    select {{ column_name }}
    from {{ model }}
    where {{ column_name }} < date '1900-01-01'
{% endtest %}
