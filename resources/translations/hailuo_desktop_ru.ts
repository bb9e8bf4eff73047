<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ru">
<context>
    <name></name>
    <message>
        <source>&amp;Generate</source>
        <translation>&amp;Создать</translation>
    </message>
    <message>
        <source>Submit the images and prompt to the provider</source>
        <translation>Отправить изображения и промпт провайдеру</translation>
    </message>
    <message>
        <source>&amp;Remove task</source>
        <translation>&amp;Удалить задачу</translation>
    </message>
    <message>
        <source>Remove the selected task from the list</source>
        <translation>Убрать выбранную задачу из списка</translation>
    </message>
    <message>
        <source>&amp;Notify when tasks finish</source>
        <translation>&amp;Уведомлять о завершении задач</translation>
    </message>
    <message>
        <source>Show a desktop notification per task or batch</source>
        <translation>Показывать уведомление на рабочем столе для каждой задачи или пакета</translation>
    </message>
    <message>
        <source>&amp;Open images…</source>
        <translation>&amp;Открыть изображения…</translation>
    </message>
    <message>
        <source>Choose images to animate</source>
        <translation>Выберите изображения для анимации</translation>
    </message>
    <message>
        <source>&amp;Paste image</source>
        <translation>&amp;Вставить изображение</translation>
    </message>
    <message>
        <source>Paste an image, an image file or an image URL</source>
        <translation>Вставить изображение, файл изображения или URL изображения</translation>
    </message>
    <message>
        <source>&amp;Settings…</source>
        <translation>&amp;Настройки…</translation>
    </message>
    <message>
        <source>Keys, output folder, proxy, notifications</source>
        <translation>Ключи, папка для видео, прокси, уведомления</translation>
    </message>
    <message>
        <source>&amp;Find tasks</source>
        <translation>&amp;Найти задачи</translation>
    </message>
    <message>
        <source>Search the tasks by prompt</source>
        <translation>Искать задачи по промпту</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Выход</translation>
    </message>
    <message>
        <source>Quit Hailuo Desktop</source>
        <translation>Выйти из Hailuo Desktop</translation>
    </message>
    <message>
        <source>Try the &amp;demo</source>
        <translation>Попробовать &amp;демо</translation>
    </message>
    <message>
        <source>Restart on the built-in simulator: no key, no charge</source>
        <translation>Перезапуск на встроенном симуляторе: без ключа, без оплаты</translation>
    </message>
    <message>
        <source>Balance: ${amount}</source>
        <translation>Баланс: ${amount}</translation>
    </message>
    <message>
        <source>Balance: {amount} credits</source>
        <translation>Баланс: {amount} кредитов</translation>
    </message>
    <message>
        <source>Images (*.jpg *.jpeg *.png *.webp *.gif *.bmp *.tif *.tiff *.avif *.heic);;All files (*)</source>
        <translation>Изображения (*.jpg *.jpeg *.png *.webp *.gif *.bmp *.tif *.tiff *.avif *.heic);;Все файлы (*)</translation>
    </message>
    <message>
        <source>Enter a key…</source>
        <translation>Ввести ключ…</translation>
    </message>
    <message>
        <source>Top up…</source>
        <translation>Пополнить…</translation>
    </message>
    <message>
        <source>Edit the prompt</source>
        <translation>Изменить промпт</translation>
    </message>
    <message>
        <source>Settings…</source>
        <translation>Настройки…</translation>
    </message>
    <message>
        <source>Try again</source>
        <translation>Повторить</translation>
    </message>
    <message>
        <source>Retry</source>
        <translation>Повторить</translation>
    </message>
    <message>
        <source>Open dashboard…</source>
        <translation>Открыть панель…</translation>
    </message>
    <message>
        <source>Something went wrong</source>
        <translation>Что-то пошло не так</translation>
    </message>
    <message>
        <source>Copy the details and report them; your tasks are safe.</source>
        <translation>Скопируйте подробности и сообщите о них; ваши задачи в сохранности.</translation>
    </message>
    <message>
        <source>{name} refused the key</source>
        <translation>{name} отклонил ключ</translation>
    </message>
    <message>
        <source>Enter a valid {name} key in Settings.</source>
        <translation>Введите действующий ключ {name} в настройках.</translation>
    </message>
    <message>
        <source>No key for {name}</source>
        <translation>Нет ключа для {name}</translation>
    </message>
    <message>
        <source>Enter a {name} key, or try the demo.</source>
        <translation>Введите ключ {name} или попробуйте демо.</translation>
    </message>
    <message>
        <source>No system keyring is available</source>
        <translation>Системная связка ключей недоступна</translation>
    </message>
    <message>
        <source>The key is kept for this session only; enter it again next time.</source>
        <translation>Ключ хранится только на этот сеанс; в следующий раз введите его снова.</translation>
    </message>
    <message>
        <source>Not enough balance on {name}</source>
        <translation>Недостаточно средств на {name}</translation>
    </message>
    <message>
        <source>Your {name} key cannot use this model</source>
        <translation>Ваш ключ {name} не может использовать эту модель</translation>
    </message>
    <message>
        <source>Choose another model, or enable this one in your {name} account.</source>
        <translation>Выберите другую модель или включите эту в аккаунте {name}.</translation>
    </message>
    <message>
        <source>{name} refused the request</source>
        <translation>{name} отклонил запрос</translation>
    </message>
    <message>
        <source>Change the prompt or the settings, then try again.</source>
        <translation>Измените промпт или настройки и попробуйте снова.</translation>
    </message>
    <message>
        <source>{name}&apos;s content filter refused the prompt or the image</source>
        <translation>Фильтр содержимого {name} отклонил промпт или изображение</translation>
    </message>
    <message>
        <source>{name} will not accept this image</source>
        <translation>{name} не принимает это изображение</translation>
    </message>
    <message>
        <source>Use another image, or crop or resize it.</source>
        <translation>Возьмите другое изображение или обрежьте либо измените его размер.</translation>
    </message>
    <message>
        <source>{name} needs a public image URL</source>
        <translation>{name} нужен публичный URL изображения</translation>
    </message>
    <message>
        <source>Paste an image URL, or choose an upload route in Settings.</source>
        <translation>Вставьте URL изображения или выберите способ загрузки в настройках.</translation>
    </message>
    <message>
        <source>{name} asks us to slow down</source>
        <translation>{name} просит сбавить темп</translation>
    </message>
    <message>
        <source>{name} is not answering properly</source>
        <translation>{name} отвечает неправильно</translation>
    </message>
    <message>
        <source>{name} is down for maintenance</source>
        <translation>{name} на техническом обслуживании</translation>
    </message>
    <message>
        <source>Try again later; nothing was charged.</source>
        <translation>Попробуйте позже; ничего не списано.</translation>
    </message>
    <message>
        <source>{name} has switched this model off for now</source>
        <translation>{name} временно отключил эту модель</translation>
    </message>
    <message>
        <source>Try again later, or choose another model.</source>
        <translation>Попробуйте позже или выберите другую модель.</translation>
    </message>
    <message>
        <source>Could not reach {name}</source>
        <translation>Не удалось связаться с {name}</translation>
    </message>
    <message>
        <source>Check your internet connection or the proxy in Settings, then try again.</source>
        <translation>Проверьте подключение к интернету или прокси в настройках и попробуйте снова.</translation>
    </message>
    <message>
        <source>{name} may have created (and charged) this task</source>
        <translation>{name}, возможно, создал (и оплатил) эту задачу</translation>
    </message>
    <message>
        <source>Check your {name} dashboard before retrying: a retry may be charged again.</source>
        <translation>Перед повтором проверьте панель {name}: повтор может быть оплачен снова.</translation>
    </message>
    <message>
        <source>{name} no longer knows this task</source>
        <translation>{name} больше не знает эту задачу</translation>
    </message>
    <message>
        <source>Check your {name} dashboard; start a new task if it is not there.</source>
        <translation>Проверьте панель {name}; если задачи там нет, создайте новую.</translation>
    </message>
    <message>
        <source>{name} has not finished this task yet</source>
        <translation>{name} ещё не завершил эту задачу</translation>
    </message>
    <message>
        <source>Checking this task at {name} stopped</source>
        <translation>Проверка этой задачи в {name} остановлена</translation>
    </message>
    <message>
        <source>The app asked {name} about it many times without a usable answer and stopped to free the slot. Resume checks it again; Give up stops for good. Its state is also on your {name} dashboard.</source>
        <translation>Приложение много раз спрашивало {name} об этой задаче, но не получило пригодного ответа и остановилось, чтобы освободить место. «Возобновить» проверит её снова; «Отказаться» остановит навсегда. Её состояние видно и в личном кабинете {name}.</translation>
    </message>
    <message>
        <source>The outcome of this task is unknown</source>
        <translation>Итог этой задачи неизвестен</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>Отменено</translation>
    </message>
    <message>
        <source>If {name} already had it, Resume follows it again (nothing is re-sent); Retry starts a new task, charged again.</source>
        <translation>Если {name} уже получил задачу, «Возобновить» снова начнёт следить за ней (ничего не отправляется повторно); «Повторить» создаст новую задачу, которая будет оплачена снова.</translation>
    </message>
    <message>
        <source>Free some space or choose another output folder, then press Resume on the task.</source>
        <translation>Освободите место или выберите другую папку для видео, затем нажмите «Возобновить» у задачи.</translation>
    </message>
    <message>
        <source>The video&apos;s link expired before it was saved</source>
        <translation>Ссылка на видео истекла до сохранения</translation>
    </message>
    <message>
        <source>Change the image or the prompt, then generate again: the same ones will be refused again.</source>
        <translation>Измените изображение или промпт и создайте снова: то же самое будет отклонено снова.</translation>
    </message>
    <message>
        <source>Top up your {name} account (Top up… opens its page), then press Resume above Generate: new tasks for {name} are held until then, and nothing is charged for them.</source>
        <translation>Пополните счёт {name} («Пополнить…» открывает его страницу), затем нажмите «Возобновить» над «Создать»: до тех пор новые задачи для {name} придержаны, и за них ничего не списывается.</translation>
    </message>
    <message>
        <source>The app waited and tried again as {name} asked; nothing was created or charged. Try again in a few minutes.</source>
        <translation>Приложение подождало и повторило, как просил {name}; ничего не создано и не списано. Попробуйте через несколько минут.</translation>
    </message>
    <message>
        <source>The app tried several times. Try again in a few minutes; a task {name} already has is checked again on the next start.</source>
        <translation>Приложение пробовало несколько раз. Попробуйте через несколько минут; задача, которая уже есть у {name}, будет проверена снова при следующем запуске.</translation>
    </message>
    <message>
        <source>{name} could not make this video</source>
        <translation>{name} не смог сделать это видео</translation>
    </message>
    <message>
        <source>Its reason is above. Retry sends a new task with the same settings (charged again); if the reason is about the image or the prompt, change them first.</source>
        <translation>Причина указана выше. «Повторить» отправляет новую задачу с теми же настройками (оплачивается снова); если причина в изображении или промпте, сначала измените их.</translation>
    </message>
    <message>
        <source>It may still finish: the app checks it again on the next start, or press Resume to check now.</source>
        <translation>Она ещё может завершиться: приложение проверит её снова при следующем запуске, или нажмите «Возобновить», чтобы проверить сейчас.</translation>
    </message>
    <message>
        <source>Fix the cause shown above, then press Resume; {name} keeps the task meanwhile.</source>
        <translation>Устраните причину, указанную выше, и нажмите «Возобновить»; {name} пока хранит задачу.</translation>
    </message>
    <message>
        <source>This task needs a check</source>
        <translation>Эту задачу нужно проверить</translation>
    </message>
    <message>
        <source>{name} keeps results only for a limited time, so this video cannot be fetched any more. Generate again makes a new, paid task.</source>
        <translation>{name} хранит результаты ограниченное время, поэтому это видео больше не получить. «Создать снова» создаёт новую платную задачу.</translation>
    </message>
    <message>
        <source>The video could not be saved yet</source>
        <translation>Видео пока не удалось сохранить</translation>
    </message>
    <message>
        <source>It is tried again on the next start. {name}&apos;s link stays valid for a limited time (kie.ai and Apikley: about a day), so do not wait long.</source>
        <translation>Попытка повторится при следующем запуске. Ссылка {name} действует ограниченное время (kie.ai и Apikley: около суток), так что не ждите долго.</translation>
    </message>
    <message>
        <source>Could not write to the disk</source>
        <translation>Не удалось записать на диск</translation>
    </message>
    <message>
        <source>Free some space or choose another output folder in Settings.</source>
        <translation>Освободите место или выберите другую папку для видео в настройках.</translation>
    </message>
    <message>
        <source>The disk is full</source>
        <translation>Диск заполнен</translation>
    </message>
    <message>
        <source>This take has no video yet</source>
        <translation>У этого дубля ещё нет видео</translation>
    </message>
    <message>
        <source>Wait until it has finished, or leave it out.</source>
        <translation>Дождитесь завершения или исключите её.</translation>
    </message>
    <message>
        <source>The video could not be read</source>
        <translation>Видео не читается</translation>
    </message>
    <message>
        <source>The file was moved, deleted or damaged; leave this take out.</source>
        <translation>Файл перемещён, удалён или повреждён; исключите этот дубль.</translation>
    </message>
    <message>
        <source>There is no frame at that time</source>
        <translation>В этот момент нет кадра</translation>
    </message>
    <message>
        <source>Choose a time within the clip.</source>
        <translation>Выберите момент внутри клипа.</translation>
    </message>
    <message>
        <source>These takes cannot be joined as they are</source>
        <translation>Эти дубли нельзя склеить как есть</translation>
    </message>
    <message>
        <source>Join only takes made with the same model and settings.</source>
        <translation>Склеивайте только дубли, сделанные той же моделью с теми же настройками.</translation>
    </message>
    <message>
        <source>The file name template cannot be used</source>
        <translation>Этот шаблон имён файлов нельзя использовать</translation>
    </message>
    <message>
        <source>Put fields in braces: date, prompt (prompt:40 keeps 40 characters), provider, model, n and others.</source>
        <translation>Поля пишутся в фигурных скобках: date, prompt (prompt:40 оставляет 40 символов), provider, model, n и другие.</translation>
    </message>
    <message>
        <source>A file of that name is already there</source>
        <translation>Файл с таким именем уже есть</translation>
    </message>
    <message>
        <source>Choose another name; nothing was overwritten.</source>
        <translation>Выберите другое имя; ничего не перезаписано.</translation>
    </message>
    <message>
        <source>That task id is too short</source>
        <translation>Идентификатор задачи слишком короткий</translation>
    </message>
    <message>
        <source>Give at least 6 characters of the id.</source>
        <translation>Укажите не меньше 6 символов идентификатора.</translation>
    </message>
    <message>
        <source>No task has that id</source>
        <translation>Задачи с таким идентификатором нет</translation>
    </message>
    <message>
        <source>Check the id in the task list.</source>
        <translation>Проверьте идентификатор в списке задач.</translation>
    </message>
    <message>
        <source>Several tasks start with that id</source>
        <translation>С этого идентификатора начинаются несколько задач</translation>
    </message>
    <message>
        <source>Give more characters of the id.</source>
        <translation>Укажите больше символов идентификатора.</translation>
    </message>
    <message>
        <source>the provider</source>
        <translation>провайдер</translation>
    </message>
    <message>
        <source>The provider said: </source>
        <translation>Провайдер сообщил: </translation>
    </message>
    <message>
        <source>{amount} credits</source>
        <translation>{amount} кредитов</translation>
    </message>
    <message>
        <source>{amount} cr</source>
        <translation>{amount} кр.</translation>
    </message>
    <message>
        <source>{name} refunds failed tasks</source>
        <translation>{name} возвращает плату за неудачные задачи</translation>
    </message>
    <message>
        <source>{name} charges failed tasks</source>
        <translation>{name} берёт плату за неудачные задачи</translation>
    </message>
    <message>
        <source>{name} does not say whether it charges failed tasks</source>
        <translation>{name} не сообщает, берёт ли плату за неудачные задачи</translation>
    </message>
    <message>
        <source>{amount} estimate · not sent yet</source>
        <translation>{amount} (оценка) · ещё не отправлено</translation>
    </message>
    <message>
        <source>{zero} · never sent</source>
        <translation>{zero} · не отправлялось</translation>
    </message>
    <message>
        <source>{amount} charged (video made)</source>
        <translation>списано {amount} (видео сделано)</translation>
    </message>
    <message>
        <source>failed · {amount} charged ({policy})</source>
        <translation>ошибка · списано {amount} ({policy})</translation>
    </message>
    <message>
        <source>failed · {zero}, refunded ({policy})</source>
        <translation>ошибка · {zero}, возвращено ({policy})</translation>
    </message>
    <message>
        <source>failed · charge unknown, up to {amount} ({policy})</source>
        <translation>ошибка · списание неизвестно, до {amount} ({policy})</translation>
    </message>
    <message>
        <source>{amount} charged</source>
        <translation>списано {amount}</translation>
    </message>
    <message>
        <source>{amount} estimate</source>
        <translation>{amount} (оценка)</translation>
    </message>
    <message>
        <source>{amount} estimate · being sent</source>
        <translation>{amount} (оценка) · отправляется</translation>
    </message>
    <message>
        <source>cancelled · may be charged (up to {amount})</source>
        <translation>отменено · может быть списано (до {amount})</translation>
    </message>
    <message>
        <source>may be charged (up to {amount})</source>
        <translation>может быть списано (до {amount})</translation>
    </message>
    <message>
        <source>est. {amount}</source>
        <translation>≈ {amount}</translation>
    </message>
    <message>
        <source>{zero} not sent</source>
        <translation>{zero} не отправлено</translation>
    </message>
    <message>
        <source>{zero} refunded</source>
        <translation>{zero} возвращено</translation>
    </message>
    <message>
        <source>up to {amount}?</source>
        <translation>до {amount}?</translation>
    </message>
    <message>
        <source>Generate again</source>
        <translation>Создать снова</translation>
    </message>
    <message>
        <source>{verb} (+ price unknown)</source>
        <translation>{verb} (+ цена неизвестна)</translation>
    </message>
    <message>
        <source>{verb} (+{amount})</source>
        <translation>{verb} (+{amount})</translation>
    </message>
    <message>
        <source>&amp;Continue from last frame</source>
        <translation>&amp;Продолжить с последнего кадра</translation>
    </message>
    <message>
        <source>Start the next clip from this take&apos;s last frame: same provider, model and settings</source>
        <translation>Начать следующий клип с последнего кадра этого дубля: тот же провайдер, модель и настройки</translation>
    </message>
    <message>
        <source>Send last frame to &amp;Start</source>
        <translation>Последний кадр в «&amp;Начало»</translation>
    </message>
    <message>
        <source>Put this take&apos;s last frame in compose&apos;s Start slot</source>
        <translation>Поместить последний кадр этого дубля в ячейку «Начало» редактора</translation>
    </message>
    <message>
        <source>Send last frame to &amp;End</source>
        <translation>Последний кадр в «&amp;Конец»</translation>
    </message>
    <message>
        <source>Put this take&apos;s last frame in compose&apos;s End slot</source>
        <translation>Поместить последний кадр этого дубля в ячейку «Конец» редактора</translation>
    </message>
    <message>
        <source>All tasks</source>
        <translation>Все задачи</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>Активные</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Готово</translation>
    </message>
    <message>
        <source>Day</source>
        <translation>День</translation>
    </message>
    <message>
        <source>Provider</source>
        <translation>Провайдер</translation>
    </message>
    <message>
        <source>Tasks sent</source>
        <translation>Отправлено задач</translation>
    </message>
    <message>
        <source>Estimated</source>
        <translation>Оценка</translation>
    </message>
    <message>
        <source>Charged</source>
        <translation>Списано</translation>
    </message>
    <message>
        <source>Refunded</source>
        <translation>Возвращено</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>Ошибка</translation>
    </message>
    <message>
        <source>Not confirmed</source>
        <translation>Не подтверждено</translation>
    </message>
    <message>
        <source>All days</source>
        <translation>Все дни</translation>
    </message>
    <message>
        <source>Cost ledger</source>
        <translation>Журнал расходов</translation>
    </message>
    <message>
        <source>Tasks sent, estimated, charged, refunded and not confirmed</source>
        <translation>Отправленные задачи: оценка, списано, возвращено, не подтверждено</translation>
    </message>
    <message>
        <source>Sent tasks only (a task never sent costs nothing). &quot;Not confirmed&quot;: the provider has not said whether it charged; the app&apos;s price table gives the amount.</source>
        <translation>Только отправленные задачи (неотправленная задача ничего не стоит). «Не подтверждено»: провайдер не сообщил, списал ли плату; сумма взята из таблицы цен приложения.</translation>
    </message>
    <message>
        <source>Copy as CSV</source>
        <translation>Копировать как CSV</translation>
    </message>
    <message>
        <source>Per day and provider</source>
        <translation>По дням и провайдерам</translation>
    </message>
    <message>
        <source>Totals per provider</source>
        <translation>Итоги по провайдерам</translation>
    </message>
    <message>
        <source>Copy the ledger as CSV, to paste in a spreadsheet</source>
        <translation>Скопировать журнал как CSV, чтобы вставить в таблицу</translation>
    </message>
    <message>
        <source>Close the ledger</source>
        <translation>Закрыть журнал</translation>
    </message>
    <message>
        <source>Nothing sent yet.</source>
        <translation>Пока ничего не отправлено.</translation>
    </message>
    <message>
        <source>Needs a check</source>
        <translation>Нужна проверка</translation>
    </message>
    <message>
        <source>Queued</source>
        <translation>В очереди</translation>
    </message>
    <message>
        <source>Generating</source>
        <translation>Создаётся</translation>
    </message>
    <message>
        <source>Saving video</source>
        <translation>Сохранение видео</translation>
    </message>
    <message>
        <source>Unknown: check</source>
        <translation>Неизвестно: проверьте</translation>
    </message>
    <message>
        <source>{seconds} s</source>
        <translation>{seconds} с</translation>
    </message>
    <message>
        <source>prompt optimizer on</source>
        <translation>оптимизация промпта вкл.</translation>
    </message>
    <message>
        <source>prompt optimizer off</source>
        <translation>оптимизация промпта выкл.</translation>
    </message>
    <message>
        <source>This name template cannot be used: {reason}.</source>
        <translation>Этот шаблон имён нельзя использовать: {reason}.</translation>
    </message>
    <message>
        <source>Take {task} has no video on disk (it is {state}); leave it out of the selection.</source>
        <translation>У дубля {task} нет видео на диске (состояние: {state}); исключите его из выбора.</translation>
    </message>
    <message>
        <source>The video {path} cannot be read ({reason}).</source>
        <translation>Видео {path} не читается ({reason}).</translation>
    </message>
    <message>
        <source>A file of that name is already there; nothing was overwritten.</source>
        <translation>Файл с таким именем уже есть; ничего не перезаписано.</translation>
    </message>
    <message>
        <source>Mark the selected takes as keepers, or unmark them</source>
        <translation>Отметить выбранные дубли как лучшие или снять отметку</translation>
    </message>
    <message>
        <source>Hide the selected takes from the default view, or bring them back</source>
        <translation>Скрыть выбранные дубли из обычного вида или вернуть их</translation>
    </message>
    <message>
        <source>Play 2 to 4 finished takes in sync</source>
        <translation>Воспроизвести синхронно от 2 до 4 готовых дублей</translation>
    </message>
    <message>
        <source>C&amp;opy video files</source>
        <translation>&amp;Копировать файлы видео</translation>
    </message>
    <message>
        <source>Copy the videos, to paste in a file manager or editor</source>
        <translation>Скопировать видео, чтобы вставить их в файловый менеджер или редактор</translation>
    </message>
    <message>
        <source>S&amp;tar (keep)</source>
        <translation>&amp;Отметить звездой (оставить)</translation>
    </message>
    <message>
        <source>Reject (&amp;hide)</source>
        <translation>Отклонить (&amp;скрыть)</translation>
    </message>
    <message>
        <source>Co&amp;mpare side by side</source>
        <translation>Сравнить &amp;рядом</translation>
    </message>
    <message>
        <source>Copy the videos to a folder with readable names, their prompts inside</source>
        <translation>Скопировать видео в папку с понятными именами и промптами внутри</translation>
    </message>
    <message>
        <source>E&amp;xport…</source>
        <translation>&amp;Экспорт…</translation>
    </message>
    <message>
        <source>Ca&amp;ncel</source>
        <translation>О&amp;тмена</translation>
    </message>
    <message>
        <source>Stop following the selected running takes</source>
        <translation>Перестать следить за выбранными выполняющимися дублями</translation>
    </message>
    <message>
        <source>Re&amp;use settings</source>
        <translation>&amp;Повторить настройки</translation>
    </message>
    <message>
        <source>Put this take&apos;s image, prompt and settings in compose</source>
        <translation>Поместить изображение, промпт и настройки этого дубля в редактор</translation>
    </message>
    <message>
        <source>Open &amp;video</source>
        <translation>Открыть &amp;видео</translation>
    </message>
    <message>
        <source>Open the video in your player</source>
        <translation>Открыть видео в вашем плеере</translation>
    </message>
    <message>
        <source>Show in &amp;folder</source>
        <translation>Показать в &amp;папке</translation>
    </message>
    <message>
        <source>Open the folder that holds the video</source>
        <translation>Открыть папку с видео</translation>
    </message>
    <message>
        <source>Copy &amp;prompt</source>
        <translation>Копировать &amp;запрос</translation>
    </message>
    <message>
        <source>Copy the full prompt</source>
        <translation>Копировать полный промпт</translation>
    </message>
    <message>
        <source>&amp;Generate again</source>
        <translation>Создать &amp;снова</translation>
    </message>
    <message>
        <source>Start a new task with the same settings (charged again)</source>
        <translation>Запустить новую задачу с теми же настройками (оплачивается снова)</translation>
    </message>
    <message>
        <source>&amp;Grid of takes</source>
        <translation>&amp;Сетка дублей</translation>
    </message>
    <message>
        <source>Show the takes as tiles instead of a list (Ctrl+G)</source>
        <translation>Показывать дубли плитками, а не списком (Ctrl+G)</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Вид</translation>
    </message>
    <message>
        <source>{n} take(s) {what}.</source>
        <translation>Дубли ({n}): {what}.</translation>
    </message>
    <message>
        <source>No video</source>
        <translation>Нет видео</translation>
    </message>
    <message>
        <source>Not ready yet</source>
        <translation>Ещё не готово</translation>
    </message>
    <message>
        <source>Rejected</source>
        <translation>Отклонённые</translation>
    </message>
    <message>
        <source>%n ready</source>
        <translation>%n готово</translation>
    </message>
    <message>
        <source>%n finished: </source>
        <translation>Готово %n: </translation>
    </message>
    <message>
        <source>Batch ready</source>
        <translation>Пакет готов</translation>
    </message>
    <message>
        <source>Batch finished with problems</source>
        <translation>Пакет завершён с проблемами</translation>
    </message>
    <message>
        <source>Batch finished</source>
        <translation>Пакет завершён</translation>
    </message>
    <message>
        <source>Cancel the whole &amp;batch…</source>
        <translation>Отменить весь &amp;пакет…</translation>
    </message>
    <message>
        <source>Stop following every unfinished task of this Generate click</source>
        <translation>Перестать следить за всеми незавершёнными задачами этого нажатия «Создать»</translation>
    </message>
    <message>
        <source>%n task(s) of the batch cancelled.</source>
        <translation>Отменена %n задача пакета.</translation>
    </message>
    <message>
        <source>%n unfinished task(s) of this batch will no longer be followed.</source>
        <translation>%n незавершённая задача этого пакета больше не будет отслеживаться.</translation>
    </message>
    <message>
        <source>%n of them were already sent: {name} may still charge for them, and their videos will not be saved unless you resume them.</source>
        <translation>%n из них уже отправлена: {name} может списать за неё плату, а её видео не сохранится, если не возобновить её.</translation>
    </message>
    <message>
        <source>Cancel the whole batch?</source>
        <translation>Отменить весь пакет?</translation>
    </message>
    <message>
        <source>Cancel the batch</source>
        <translation>Отменить пакет</translation>
    </message>
    <message>
        <source>Keep following</source>
        <translation>Продолжать следить</translation>
    </message>
    <message>
        <source>Stop following a task {name} already has?</source>
        <translation>Перестать следить за задачей, которая уже есть у {name}?</translation>
    </message>
    <message>
        <source>{name} has this task and may still charge for it. If you stop following it, its video will not be saved here. You can resume following it later.</source>
        <translation>Эта задача есть у {name}, и плата за неё ещё может быть списана. Если перестать следить, её видео здесь не сохранится. Следить можно снова позже.</translation>
    </message>
    <message>
        <source>Stop following</source>
        <translation>Перестать следить</translation>
    </message>
    <message>
        <source>The file cannot be read: {reason}.</source>
        <translation>Файл не читается: {reason}.</translation>
    </message>
    <message>
        <source>The file is too large for a prompt table ({bytes} bytes; at most {limit}).</source>
        <translation>Файл слишком велик для таблицы промптов ({bytes} байт; не больше {limit}).</translation>
    </message>
    <message>
        <source>The file is not text: save the sheet as CSV (UTF-8).</source>
        <translation>Файл не текстовый: сохраните таблицу как CSV (UTF-8).</translation>
    </message>
    <message>
        <source>The file is not valid CSV: {reason}.</source>
        <translation>Файл не является правильным CSV: {reason}.</translation>
    </message>
    <message>
        <source>The file has no rows.</source>
        <translation>В файле нет строк.</translation>
    </message>
    <message>
        <source>The header names no prompt column (columns: {columns}).</source>
        <translation>В заголовке нет столбца промпта (столбцы: {columns}).</translation>
    </message>
    <message>
        <source>The header names no image column (columns: {columns}).</source>
        <translation>В заголовке нет столбца изображения (столбцы: {columns}).</translation>
    </message>
    <message>
        <source>Line {line}: an image and a prompt are needed; this row has {cells} cell(s).</source>
        <translation>Строка {line}: нужны изображение и промпт; в этой строке ячеек: {cells}.</translation>
    </message>
    <message>
        <source>Line {line}: no image is named.</source>
        <translation>Строка {line}: изображение не указано.</translation>
    </message>
    <message>
        <source>Line {line}: {image} has an empty prompt.</source>
        <translation>Строка {line}: у {image} пустой промпт.</translation>
    </message>
    <message>
        <source>Line {line}: {image} is not in the list of images.</source>
        <translation>Строка {line}: {image} нет в списке изображений.</translation>
    </message>
    <message>
        <source>Line {line}: {image} names {count} listed images; give its full path.</source>
        <translation>Строка {line}: {image} подходит к изображениям из списка ({count}); укажите полный путь.</translation>
    </message>
    <message>
        <source>Line {line}: {image} already has a prompt on line {first_line}.</source>
        <translation>Строка {line}: у {image} уже есть промпт в строке {first_line}.</translation>
    </message>
    <message>
        <source>Send %n videos for {amount}?</source>
        <translation>Отправить %n видео за {amount}?</translation>
    </message>
    <message>
        <source>This order makes %n paid videos, {amount} in all by the app&apos;s price table.</source>
        <translation>Этот заказ — %n платное видео, всего {amount} по таблице цен приложения.</translation>
    </message>
    <message>
        <source>You asked to be asked above ${limit:.2f} (Settings › General).</source>
        <translation>Вы просили спрашивать при сумме больше ${limit:.2f} (Настройки › Общие).</translation>
    </message>
    <message>
        <source>Send %n videos</source>
        <translation>Отправить %n видео</translation>
    </message>
    <message>
        <source>Don&apos;t send</source>
        <translation>Не отправлять</translation>
    </message>
    <message>
        <source>never ask</source>
        <translation>никогда не спрашивать</translation>
    </message>
    <message>
        <source>Generate asks first when one click would cost more than this (0: never ask).</source>
        <translation>«Создать» спрашивает заранее, если один щелчок стоит дороже этого (0: никогда не спрашивать).</translation>
    </message>
    <message>
        <source>The file is {size}; this provider takes at most {limit}.</source>
        <translation>Размер файла {size}; этот провайдер принимает не больше {limit}.</translation>
    </message>
    <message>
        <source>The file is {size}; this provider takes under {limit}.</source>
        <translation>Размер файла {size}; этот провайдер принимает меньше {limit}.</translation>
    </message>
    <message>
        <source>{format} images are not accepted; use {allowed}.</source>
        <translation>Изображения {format} не принимаются; используйте {allowed}.</translation>
    </message>
    <message>
        <source>{width}×{height} is {ratio}:1; the aspect ratio must be between 2:5 and 5:2 (exclusive). Crop the image.</source>
        <translation>{width}×{height} — это {ratio}:1; соотношение сторон должно быть между 2:5 и 5:2 (не включая). Обрежьте изображение.</translation>
    </message>
    <message>
        <source>The short side is {short} px; it must be over {minimum} px. Use a larger image.</source>
        <translation>Короткая сторона {short} пикс.; нужно больше {minimum} пикс. Возьмите изображение побольше.</translation>
    </message>
    <message>
        <source>Decoding the image took longer than {seconds} s, so it was not accepted. Save it again as a plain JPG or PNG, or use a smaller one.</source>
        <translation>Декодирование изображения заняло больше {seconds} с, поэтому оно не принято. Сохраните его заново как обычный JPG или PNG или возьмите изображение поменьше.</translation>
    </message>
    <message>
        <source>Empty the &amp;balance</source>
        <translation>Обнулить &amp;баланс</translation>
    </message>
    <message>
        <source>Demo: {name}&apos;s balance is now 0; the next task is refused.</source>
        <translation>Демо: баланс {name} теперь 0; следующая задача будет отклонена.</translation>
    </message>
    <message>
        <source>Next task: refused by the &amp;content filter</source>
        <translation>Следующая задача: отклонена &amp;фильтром содержимого</translation>
    </message>
    <message>
        <source>Demo: {name} will refuse the next task as unsafe content.</source>
        <translation>Демо: {name} отклонит следующую задачу как недопустимое содержимое.</translation>
    </message>
    <message>
        <source>Next submit: &amp;times out</source>
        <translation>Следующая отправка: &amp;тайм-аут</translation>
    </message>
    <message>
        <source>Demo: {name} will create the next task but its answer never comes back (the app waits a minute, then says it may have been charged).</source>
        <translation>Демо: {name} создаст следующую задачу, но ответ так и не придёт (приложение ждёт минуту, затем сообщает, что плата, возможно, списана).</translation>
    </message>
    <message>
        <source>Next tasks: &amp;slow answers</source>
        <translation>Следующие задачи: &amp;медленные ответы</translation>
    </message>
    <message>
        <source>Demo: {name} will answer the next status checks very slowly.</source>
        <translation>Демо: {name} будет очень медленно отвечать на следующие проверки статуса.</translation>
    </message>
    <message>
        <source>Next task: takes &amp;three minutes</source>
        <translation>Следующая задача: идёт &amp;три минуты</translation>
    </message>
    <message>
        <source>Demo: {name}&apos;s next task will take three minutes to generate.</source>
        <translation>Демо: следующая задача {name} будет создаваться три минуты.</translation>
    </message>
    <message>
        <source>Next task: &amp;unreadable answers</source>
        <translation>Следующая задача: &amp;нечитаемые ответы</translation>
    </message>
    <message>
        <source>Demo: {name} will send unreadable status answers for a while.</source>
        <translation>Демо: {name} некоторое время будет присылать нечитаемые ответы о статусе.</translation>
    </message>
    <message>
        <source>Next task: video link &amp;expired</source>
        <translation>Следующая задача: ссылка на видео &amp;истекла</translation>
    </message>
    <message>
        <source>Demo: {name}&apos;s video link will have expired when the app fetches it.</source>
        <translation>Демо: ссылка на видео {name} истечёт к моменту, когда приложение его заберёт.</translation>
    </message>
    <message>
        <source>&amp;Demo</source>
        <translation>&amp;Демо</translation>
    </message>
    <message>
        <source>&amp;Top up the demo balance</source>
        <translation>&amp;Пополнить демо-баланс</translation>
    </message>
    <message>
        <source>&amp;Clear planned failures</source>
        <translation>&amp;Сбросить запланированные сбои</translation>
    </message>
    <message>
        <source>DEMO · simulated providers, nothing is charged</source>
        <translation>ДЕМО · провайдеры смоделированы, ничего не списывается</translation>
    </message>
    <message>
        <source>Every provider here is the built-in simulator. The Demo menu shows how the app behaves when something goes wrong.</source>
        <translation>Каждый провайдер здесь — встроенный симулятор. Меню «Демо» показывает, как приложение ведёт себя, когда что-то идёт не так.</translation>
    </message>
    <message>
        <source>Spent today: nothing</source>
        <translation>Потрачено сегодня: ничего</translation>
    </message>
    <message>
        <source>Spent today: {parts}</source>
        <translation>Потрачено сегодня: {parts}</translation>
    </message>
    <message>
        <source>{name} up to {ceiling}</source>
        <translation>{name} до {ceiling}</translation>
    </message>
    <message>
        <source>{name} {charged} (up to {ceiling})</source>
        <translation>{name} {charged} (до {ceiling})</translation>
    </message>
    <message>
        <source>Sent today, per provider (click for the cost ledger):</source>
        <translation>Отправлено сегодня, по провайдерам (щёлкните, чтобы открыть журнал расходов):</translation>
    </message>
    <message>
        <source>{name}: {tasks} task(s); {charged} confirmed, {unknown} not confirmed yet, {refunded} refunded</source>
        <translation>{name}: задач {tasks}; подтверждено {charged}, ещё не подтверждено {unknown}, возвращено {refunded}</translation>
    </message>
    <message>
        <source>Cost &amp;ledger…</source>
        <translation>&amp;Журнал расходов…</translation>
    </message>
    <message>
        <source>What was sent and charged, per day and provider</source>
        <translation>Что отправлено и списано, по дням и провайдерам</translation>
    </message>
    <message>
        <source>%1 credits</source>
        <translation>%1 кредитов</translation>
    </message>
    <message>
        <source>Price unknown for this choice; see the provider&apos;s pricing page.</source>
        <translation>Цена для этого выбора неизвестна; смотрите страницу цен провайдера.</translation>
    </message>
    <message>
        <source>%1 per video</source>
        <translation>%1 за видео</translation>
    </message>
    <message>
        <source>%1 for %n videos</source>
        <translation>%1 за %n видео</translation>
    </message>
    <message>
        <source>Checking the images…</source>
        <translation>Проверка изображений…</translation>
    </message>
    <message>
        <source>Add an image to animate: drop it here, paste it or press Ctrl+O.</source>
        <translation>Добавьте изображение для анимации: перетащите сюда, вставьте или нажмите Ctrl+O.</translation>
    </message>
    <message>
        <source>The Start frame cannot be sent to %1; see its problems.</source>
        <translation>Начальный кадр нельзя отправить в %1; посмотрите его проблемы.</translation>
    </message>
    <message>
        <source>Add a start image: the only accepted image is the end frame.</source>
        <translation>Добавьте начальное изображение: единственное принятое изображение — конечный кадр.</translation>
    </message>
    <message>
        <source>No image here can be sent to %1; see the problems listed.</source>
        <translation>Ни одно изображение здесь нельзя отправить в %1; смотрите перечисленные проблемы.</translation>
    </message>
    <message>
        <source>Write a prompt.</source>
        <translation>Напишите промпт.</translation>
    </message>
    <message>
        <source>Newest first</source>
        <translation>Сначала новые</translation>
    </message>
    <message>
        <source>Oldest first</source>
        <translation>Сначала старые</translation>
    </message>
    <message>
        <source>Recently finished</source>
        <translation>Недавно завершённые</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>Модель</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Состояние</translation>
    </message>
    <message>
        <source>Cost, highest first</source>
        <translation>Стоимость, сначала дорогие</translation>
    </message>
    <message>
        <source>Duration</source>
        <translation>Длительность</translation>
    </message>
    <message>
        <source>Grouped by batch</source>
        <translation>По пакетам</translation>
    </message>
    <message>
        <source>Grouped by source image</source>
        <translation>По исходным изображениям</translation>
    </message>
    <message>
        <source>Any time</source>
        <translation>За всё время</translation>
    </message>
    <message>
        <source>Today</source>
        <translation>Сегодня</translation>
    </message>
    <message>
        <source>Last 7 days</source>
        <translation>Последние 7 дней</translation>
    </message>
    <message>
        <source>Last 30 days</source>
        <translation>Последние 30 дней</translation>
    </message>
    <message>
        <source>&amp;Starred only</source>
        <translation>Только со &amp;звездой</translation>
    </message>
    <message>
        <source>Only takes of the selected take&apos;s &amp;image</source>
        <translation>Только дубли того же &amp;изображения</translation>
    </message>
    <message>
        <source>&amp;Rejected takes</source>
        <translation>&amp;Отклонённые дубли</translation>
    </message>
    <message>
        <source>Hidden</source>
        <translation>Скрыты</translation>
    </message>
    <message>
        <source>Shown too</source>
        <translation>Тоже показаны</translation>
    </message>
    <message>
        <source>Only rejected</source>
        <translation>Только отклонённые</translation>
    </message>
    <message>
        <source>&amp;Date</source>
        <translation>&amp;Дата</translation>
    </message>
    <message>
        <source>&amp;Provider</source>
        <translation>&amp;Провайдер</translation>
    </message>
    <message>
        <source>&amp;Model</source>
        <translation>&amp;Модель</translation>
    </message>
    <message>
        <source>&amp;Clear filters</source>
        <translation>&amp;Сбросить фильтры</translation>
    </message>
    <message>
        <source>Give up this task?</source>
        <translation>Отказаться от этой задачи?</translation>
    </message>
    <message>
        <source>The app stops checking it for good. {name} may still finish it and charge for it; its video would then not be saved here.</source>
        <translation>Приложение навсегда перестанет её проверять. {name} может всё же завершить её и списать плату; тогда её видео здесь не сохранится.</translation>
    </message>
    <message>
        <source>Give up</source>
        <translation>Отказаться</translation>
    </message>
    <message>
        <source>Keep it</source>
        <translation>Оставить</translation>
    </message>
    <message>
        <source>Not enough balance on {name}: new tasks for {name} are held, and nothing is charged for them. Top up your {name} account, then press Resume. Tasks {name} already has are still followed.</source>
        <translation>Недостаточно средств на {name}: новые задачи для {name} придержаны, и за них ничего не списывается. Пополните счёт {name} и нажмите «Возобновить». Задачи, которые уже есть у {name}, по-прежнему отслеживаются.</translation>
    </message>
    <message>
        <source>Open {name}&apos;s page to add money</source>
        <translation>Открыть страницу {name}, чтобы пополнить счёт</translation>
    </message>
    <message>
        <source>Resume</source>
        <translation>Возобновить</translation>
    </message>
    <message>
        <source>The account is topped up: send the held tasks</source>
        <translation>Счёт пополнен: отправить придержанные задачи</translation>
    </message>
    <message>
        <source>answer unreadable</source>
        <translation>ответ нечитаем</translation>
    </message>
    <message>
        <source>{name} asked to slow down</source>
        <translation>{name} попросил сбавить темп</translation>
    </message>
    <message>
        <source>{name} not answering properly</source>
        <translation>{name} отвечает неправильно</translation>
    </message>
    <message>
        <source>no connection to {name}</source>
        <translation>нет связи с {name}</translation>
    </message>
    <message>
        <source>{name} does not list the task yet</source>
        <translation>{name} ещё не показывает задачу</translation>
    </message>
    <message>
        <source>not sent yet</source>
        <translation>ещё не отправлено</translation>
    </message>
    <message>
        <source>image upload failed</source>
        <translation>загрузка изображения не удалась</translation>
    </message>
    <message>
        <source>held: not enough balance on {name}</source>
        <translation>придержано: недостаточно средств на {name}</translation>
    </message>
    <message>
        <source>waiting</source>
        <translation>ожидание</translation>
    </message>
    <message>
        <source>now</source>
        <translation>сейчас</translation>
    </message>
    <message>
        <source>in {s} s</source>
        <translation>через {s} с</translation>
    </message>
    <message>
        <source>in {m} min {s} s</source>
        <translation>через {m} мин {s} с</translation>
    </message>
    <message>
        <source>{what}, retry {n} {when}</source>
        <translation>{what}, повтор {n} {when}</translation>
    </message>
    <message>
        <source>{what}, retrying {when}</source>
        <translation>{what}, повтор {when}</translation>
    </message>
    <message>
        <source>Check this task at the provider again, and save its video when it is ready</source>
        <translation>Проверить эту задачу у провайдера снова и сохранить видео, когда оно будет готово</translation>
    </message>
    <message>
        <source>Stop checking this task for good (it stays in the list)</source>
        <translation>Больше никогда не проверять эту задачу (она остаётся в списке)</translation>
    </message>
    <message>
        <source>The app kept retrying and stopped to free the slot for other tasks. {name} still has this task. Resume checks it again; Give up stops for good (a video {name} makes later is not saved).</source>
        <translation>Приложение долго повторяло и остановилось, чтобы освободить место для других задач. Эта задача всё ещё есть у {name}. «Возобновить» проверит её снова; «Отказаться» прекратит навсегда (видео, которое {name} сделает позже, не сохранится).</translation>
    </message>
    <message>
        <source>You stopped following this task, but {name} has it and may still finish it (and charge for it). Resume checks it again and saves its video if it is ready.</source>
        <translation>Вы перестали следить за этой задачей, но она есть у {name} и может ещё завершиться (и быть оплачена). «Возобновить» проверит её снова и сохранит видео, если оно готово.</translation>
    </message>
    <message>
        <source>{name} still has this task; the app is not checking it now. Resume checks it again; Give up stops for good.</source>
        <translation>Задача всё ещё есть у {name}; сейчас приложение её не проверяет. «Возобновить» проверит её снова; «Отказаться» прекратит навсегда.</translation>
    </message>
</context>
<context>
    <name>ChainStrip</name>
    <message>
        <source>Shot</source>
        <translation>Кадр</translation>
    </message>
    <message>
        <source>(removed take) →</source>
        <translation>(удалённый дубль) →</translation>
    </message>
    <message>
        <source>Shot · this is take {n}</source>
        <translation>Кадр · это дубль {n}</translation>
    </message>
    <message numerus="yes">
        <source>Continued %n ways: each button is one continuation.</source>
        <translation>
            <numerusform>Продолжен %n способом: каждая кнопка — одно продолжение.</numerusform>
            <numerusform>Продолжен %n способами: каждая кнопка — одно продолжение.</numerusform>
            <numerusform>Продолжен %n способами: каждая кнопка — одно продолжение.</numerusform>
        </translation>
    </message>
    <message>
        <source>{state} · {prompt}
Task {id}</source>
        <translation>{state} · {prompt}
Задача {id}</translation>
    </message>
    <message>
        <source>the take shown</source>
        <translation>показанный дубль</translation>
    </message>
</context>
<context>
    <name>ComparePane</name>
    <message>
        <source>Take {n}</source>
        <translation>Дубль {n}</translation>
    </message>
    <message>
        <source>kept</source>
        <translation>оставлены</translation>
    </message>
    <message>
        <source>rejected</source>
        <translation>отклонены</translation>
    </message>
    <message>
        <source>(press {n} to keep)</source>
        <translation>(нажмите {n}, чтобы оставить)</translation>
    </message>
</context>
<context>
    <name>CompareView</name>
    <message>
        <source>Compare {n} takes</source>
        <translation>Сравнить дубли: {n}</translation>
    </message>
    <message>
        <source>Space play/pause · ←/→ one frame · L loop · 1–{n} keep that take, reject the others · Esc close</source>
        <translation>Пробел — пуск/пауза · ←/→ — кадр · L — повтор · 1–{n} — оставить этот дубль, остальные отклонить · Esc — закрыть</translation>
    </message>
</context>
<context>
    <name>ComposePanel</name>
    <message>
        <source>Images to animate, each checked against the selected provider.</source>
        <translation>Изображения для анимации, каждое проверяется по правилам выбранного провайдера.</translation>
    </message>
    <message>
        <source>&amp;Add images…</source>
        <translation>&amp;Добавить изображения…</translation>
    </message>
    <message>
        <source>Choose image files (Ctrl+O).</source>
        <translation>Выбрать файлы изображений (Ctrl+O).</translation>
    </message>
    <message>
        <source>Paste</source>
        <translation>Вставить</translation>
    </message>
    <message>
        <source>Paste an image or an image URL (Ctrl+V).</source>
        <translation>Вставить изображение или URL изображения (Ctrl+V).</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Удалить</translation>
    </message>
    <message>
        <source>Remove the selected images (Delete).</source>
        <translation>Убрать выбранные изображения (Delete).</translation>
    </message>
    <message>
        <source>Clear</source>
        <translation>Очистить</translation>
    </message>
    <message>
        <source>Remove every image from the list.</source>
        <translation>Убрать все изображения из списка.</translation>
    </message>
    <message>
        <source>Videos per image. 1: one per accepted image. More: that many of each selected image, or of every accepted image when none is selected.</source>
        <translation>Видео на изображение. 1: по одному на каждое принятое изображение. Больше: столько для каждого выбранного изображения или, если ничего не выбрано, для каждого принятого.</translation>
    </message>
    <message>
        <source>&amp;Generate</source>
        <translation>&amp;Создать</translation>
    </message>
    <message>
        <source>Submit to the provider (Ctrl+Enter).</source>
        <translation>Отправить провайдеру (Ctrl+Enter).</translation>
    </message>
    <message>
        <source>Video</source>
        <translation>Видео</translation>
    </message>
    <message>
        <source>Start and end frames</source>
        <translation>Начальный и конечный кадры</translation>
    </message>
    <message>
        <source>Prompt</source>
        <translation>Промпт</translation>
    </message>
    <message>
        <source>Images</source>
        <translation>Изображения</translation>
    </message>
    <message>
        <source>Varia&amp;nts</source>
        <translation>&amp;Варианты</translation>
    </message>
    <message>
        <source>The clipboard holds no image, image file or image URL.</source>
        <translation>В буфере обмена нет изображения, файла изображения или URL изображения.</translation>
    </message>
    <message>
        <source>Use as &amp;Start frame</source>
        <translation>Сделать &amp;начальным кадром</translation>
    </message>
    <message>
        <source>Use as &amp;End frame</source>
        <translation>Сделать &amp;конечным кадром</translation>
    </message>
    <message>
        <source>Submitting…</source>
        <translation>Отправка…</translation>
    </message>
    <message numerus="yes">
        <source>&amp;Generate %n videos</source>
        <translation>
            <numerusform>&amp;Создать %n видео</numerusform>
            <numerusform>&amp;Создать %n видео</numerusform>
            <numerusform>&amp;Создать %n видео</numerusform>
        </translation>
    </message>
    <message>
        <source>Text to video: no image needed.</source>
        <translation>Текст в видео: изображение не нужно.</translation>
    </message>
    <message>
        <source>Drop images or folders here, paste with Ctrl+V, or press Ctrl+O to choose files.</source>
        <translation>Перетащите сюда изображения или папки, вставьте через Ctrl+V или нажмите Ctrl+O, чтобы выбрать файлы.</translation>
    </message>
    <message>
        <source>This mode makes videos from the prompt alone; the images are not used.</source>
        <translation>Этот режим делает видео только по промпту; изображения не используются.</translation>
    </message>
    <message>
        <source>%1 cannot be sent:</source>
        <translation>%1 нельзя отправить:</translation>
    </message>
    <message numerus="yes">
        <source>%n images</source>
        <translation>
            <numerusform>%n изображение</numerusform>
            <numerusform>%n изображения</numerusform>
            <numerusform>%n изображений</numerusform>
        </translation>
    </message>
    <message>
        <source>1 image</source>
        <translation>1 изображение</translation>
    </message>
    <message numerus="yes">
        <source>%n refused (select one to see why)</source>
        <translation>
            <numerusform>%n отклонено (выберите, чтобы узнать почему)</numerusform>
            <numerusform>%n отклонено (выберите, чтобы узнать почему)</numerusform>
            <numerusform>%n отклонено (выберите, чтобы узнать почему)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n with its own prompt</source>
        <translation>
            <numerusform>%n со своим промптом</numerusform>
            <numerusform>%n со своим промптом</numerusform>
            <numerusform>%n со своим промптом</numerusform>
        </translation>
    </message>
    <message>
        <source>continues a take (its last frame)</source>
        <translation>продолжает дубль (его последний кадр)</translation>
    </message>
</context>
<context>
    <name>Controller</name>
    <message>
        <source>1 task sent to {name}.</source>
        <translation>1 задача отправлена в {name}.</translation>
    </message>
    <message>
        <source>{n} tasks sent to {name}.</source>
        <translation>Задач отправлено в {name}: {n}.</translation>
    </message>
</context>
<context>
    <name>CostBar</name>
    <message>
        <source>From the app&apos;s price table, before anything is sent. The provider&apos;s own bill is final.</source>
        <translation>По таблице цен приложения, до отправки. Окончателен счёт провайдера.</translation>
    </message>
    <message>
        <source>Your balance with the selected provider, where it reports one.</source>
        <translation>Ваш баланс у выбранного провайдера, если он его сообщает.</translation>
    </message>
</context>
<context>
    <name>ErrorBanner</name>
    <message>
        <source>The next step for this problem</source>
        <translation>Следующий шаг для этой проблемы</translation>
    </message>
    <message>
        <source>Copy details</source>
        <translation>Копировать подробности</translation>
    </message>
    <message>
        <source>Copy the technical details (no key is ever included)</source>
        <translation>Копировать технические подробности (ключ никогда не включается)</translation>
    </message>
    <message>
        <source>Dismiss</source>
        <translation>Закрыть</translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message>
        <source>Export {n} take(s)</source>
        <translation>Экспорт дублей: {n}</translation>
    </message>
    <message>
        <source>&amp;Browse…</source>
        <translation>&amp;Обзор…</translation>
    </message>
    <message>
        <source>Export folder</source>
        <translation>Папка экспорта</translation>
    </message>
    <message>
        <source>The folder the videos are copied into</source>
        <translation>Папка, куда копируются видео</translation>
    </message>
    <message>
        <source>Choose the folder the videos are copied into</source>
        <translation>Выбрать папку, куда копируются видео</translation>
    </message>
    <message>
        <source>Fields: {date} {prompt:40} {provider} {model} {mode} {duration} {resolution} {id} {task_id} {remote_id} {n}</source>
        <translation>Поля: {date} {prompt:40} {provider} {model} {mode} {duration} {resolution} {id} {task_id} {remote_id} {n}</translation>
    </message>
    <message>
        <source>Each video is copied without re-encoding, with its prompt in the file&apos;s tags and a .json file beside it that records how it was made.</source>
        <translation>Каждое видео копируется без перекодирования, с промптом в тегах файла и файлом .json рядом, где записано, как оно сделано.</translation>
    </message>
    <message>
        <source>&amp;Folder</source>
        <translation>&amp;Папка</translation>
    </message>
    <message>
        <source>&amp;Names</source>
        <translation>&amp;Имена</translation>
    </message>
    <message>
        <source>First file</source>
        <translation>Первый файл</translation>
    </message>
    <message>
        <source>&amp;Export</source>
        <translation>&amp;Экспорт</translation>
    </message>
    <message>
        <source>Copy the videos into the folder under these names</source>
        <translation>Скопировать видео в папку под этими именами</translation>
    </message>
    <message>
        <source>Close without exporting</source>
        <translation>Закрыть без экспорта</translation>
    </message>
    <message>
        <source>Export to folder</source>
        <translation>Экспорт в папку</translation>
    </message>
</context>
<context>
    <name>FilterBar</name>
    <message>
        <source>Filters</source>
        <translation>Фильтры</translation>
    </message>
    <message>
        <source>Keepers, rejected takes, provider, model, date, source image</source>
        <translation>Отмеченные и отклонённые дубли, провайдер, модель, дата, исходное изображение</translation>
    </message>
    <message>
        <source>Order of the takes, or group them by batch or by source image</source>
        <translation>Порядок дублей или группировка по пакету либо по исходному изображению</translation>
    </message>
    <message>
        <source>Sort</source>
        <translation>Сортировка</translation>
    </message>
    <message>
        <source>Filters (on)</source>
        <translation>Фильтры (вкл.)</translation>
    </message>
</context>
<context>
    <name>FirstRunDialog</name>
    <message>
        <source>Welcome to Hailuo Desktop</source>
        <translation>Добро пожаловать в Hailuo Desktop</translation>
    </message>
    <message>
        <source>&lt;p&gt;&lt;b&gt;Animate your images into short videos with Hailuo models.&lt;/b&gt;&lt;/p&gt;&lt;p&gt;The app uses your own key from one of these providers: {names}. The key is kept in your system&apos;s keyring, never in a file.&lt;/p&gt;&lt;p&gt;No key yet? The demo runs the whole flow on a built-in simulator: no account, nothing charged, and the result is a real video of your own image.&lt;/p&gt;</source>
        <translation>&lt;p&gt;&lt;b&gt;Оживите свои изображения в короткие видео с моделями Hailuo.&lt;/b&gt;&lt;/p&gt;&lt;p&gt;Приложение использует ваш собственный ключ одного из этих провайдеров: {names}. Ключ хранится в системной связке ключей, никогда не в файле.&lt;/p&gt;&lt;p&gt;Ключа пока нет? Демо проходит весь процесс на встроенном симуляторе: без аккаунта, без оплаты, а результат — настоящее видео из вашего изображения.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Enter a key…</source>
        <translation>Ввести ключ…</translation>
    </message>
    <message>
        <source>Try the demo</source>
        <translation>Попробовать демо</translation>
    </message>
    <message>
        <source>Later</source>
        <translation>Позже</translation>
    </message>
    <message>
        <source>Open the settings to paste the API key of your provider</source>
        <translation>Открыть настройки, чтобы вставить API-ключ провайдера</translation>
    </message>
    <message>
        <source>Restart on the built-in simulator: no key, no account, nothing paid</source>
        <translation>Перезапуск на встроенном симуляторе: без ключа, без аккаунта, без оплаты</translation>
    </message>
    <message>
        <source>Close this; you can enter a key in the settings at any time</source>
        <translation>Закрыть; ключ можно ввести в настройках в любой момент</translation>
    </message>
</context>
<context>
    <name>FrameSlot</name>
    <message>
        <source>Empty this slot (the image stays in the list)</source>
        <translation>Очистить ячейку (изображение останется в списке)</translation>
    </message>
</context>
<context>
    <name>FramesSlots</name>
    <message>
        <source>Start</source>
        <translation>Начало</translation>
    </message>
    <message>
        <source>Drop the first frame here
(empty: every listed image)</source>
        <translation>Перетащите сюда первый кадр
(пусто: каждое изображение из списка)</translation>
    </message>
    <message>
        <source>End</source>
        <translation>Конец</translation>
    </message>
    <message>
        <source>Drop the last frame here</source>
        <translation>Перетащите сюда последний кадр</translation>
    </message>
    <message>
        <source>The frame the video starts on</source>
        <translation>Кадр, с которого начинается видео</translation>
    </message>
    <message>
        <source>The End frame cannot be sent to %1; see its problems.</source>
        <translation>Конечный кадр нельзя отправить в %1; посмотрите его проблемы.</translation>
    </message>
</context>
<context>
    <name>HistoryDialog</name>
    <message>
        <source>Prompt history</source>
        <translation>История промптов</translation>
    </message>
    <message>
        <source>Search earlier prompts</source>
        <translation>Искать прежние промпты</translation>
    </message>
    <message>
        <source>&amp;Use this prompt</source>
        <translation>&amp;Использовать этот промпт</translation>
    </message>
    <message>
        <source>{shown} of {total} earlier prompts</source>
        <translation>Прежние промпты: {shown} из {total}</translation>
    </message>
</context>
<context>
    <name>ImageIntake</name>
    <message>
        <source>Only the first {n} images were added.</source>
        <translation>Добавлены только первые {n} изображений.</translation>
    </message>
    <message>
        <source>Choose images to animate</source>
        <translation>Выберите изображения для анимации</translation>
    </message>
</context>
<context>
    <name>ImageListModel</name>
    <message>
        <source>from %1</source>
        <translation>из %1</translation>
    </message>
    <message>
        <source>unknown format</source>
        <translation>неизвестный формат</translation>
    </message>
    <message>
        <source>Checked by the provider</source>
        <translation>Проверяется провайдером</translation>
    </message>
    <message>
        <source>Fits %1 · checking every pixel…</source>
        <translation>Подходит для %1 · проверка каждого пикселя…</translation>
    </message>
    <message>
        <source>Checking…</source>
        <translation>Проверка…</translation>
    </message>
    <message>
        <source>Accepted by %1</source>
        <translation>Принято %1</translation>
    </message>
    <message numerus="yes">
        <source> (+%n more)</source>
        <translation>
            <numerusform> (ещё %n)</numerusform>
            <numerusform> (ещё %n)</numerusform>
            <numerusform> (ещё %n)</numerusform>
        </translation>
    </message>
    <message>
        <source>Refused by %1:</source>
        <translation>Отклонено %1:</translation>
    </message>
</context>
<context>
    <name>ImageListView</name>
    <message>
        <source>Images</source>
        <translation>Изображения</translation>
    </message>
</context>
<context>
    <name>JoinDialog</name>
    <message>
        <source>Join into one video</source>
        <translation>Склеить в одно видео</translation>
    </message>
    <message>
        <source>The takes in playing order: drag one, or use Up and Down</source>
        <translation>Дубли в порядке воспроизведения: перетащите или используйте «Вверх» и «Вниз»</translation>
    </message>
    <message>
        <source>Takes to join</source>
        <translation>Дубли для склейки</translation>
    </message>
    <message>
        <source>&amp;Up</source>
        <translation>&amp;Вверх</translation>
    </message>
    <message>
        <source>&amp;Down</source>
        <translation>&amp;Вниз</translation>
    </message>
    <message>
        <source>&amp;Leave out</source>
        <translation>&amp;Исключить</translation>
    </message>
    <message>
        <source>&amp;Browse…</source>
        <translation>&amp;Обзор…</translation>
    </message>
    <message>
        <source>The takes are copied without re-encoding, one after the other, with their prompts in the file&apos;s tags and a .json file beside it that lists every take.</source>
        <translation>Дубли копируются без перекодирования один за другим, с промптами в тегах файла и файлом .json рядом, где перечислен каждый дубль.</translation>
    </message>
    <message>
        <source>&amp;Join</source>
        <translation>&amp;Склеить</translation>
    </message>
    <message>
        <source>Play the selected take earlier</source>
        <translation>Воспроизвести выбранный дубль раньше</translation>
    </message>
    <message>
        <source>Play the selected take later</source>
        <translation>Воспроизвести выбранный дубль позже</translation>
    </message>
    <message>
        <source>Leave the selected take out of the joined video</source>
        <translation>Исключить выбранный дубль из склеенного видео</translation>
    </message>
    <message>
        <source>The folder the joined video is saved in</source>
        <translation>Папка, куда сохраняется склеенное видео</translation>
    </message>
    <message>
        <source>Choose the folder the joined video is saved in</source>
        <translation>Выбрать папку, куда сохраняется склеенное видео</translation>
    </message>
    <message>
        <source>The joined video&apos;s file name</source>
        <translation>Имя файла склеенного видео</translation>
    </message>
    <message>
        <source>Join the takes into one video file</source>
        <translation>Склеить дубли в один файл видео</translation>
    </message>
    <message>
        <source>Folder</source>
        <translation>Папка</translation>
    </message>
    <message>
        <source>Close without joining</source>
        <translation>Закрыть без склейки</translation>
    </message>
    <message>
        <source>video not read</source>
        <translation>видео не прочитано</translation>
    </message>
    <message>
        <source>&amp;Folder</source>
        <translation>&amp;Папка</translation>
    </message>
    <message>
        <source>File &amp;name</source>
        <translation>&amp;Имя файла</translation>
    </message>
    <message>
        <source>Choose at least two takes: select them in order in the list or the grid, or join a take that continues or is continued.</source>
        <translation>Выберите хотя бы два дубля: отметьте их по порядку в списке или сетке, или склейте дубль, который продолжает другой или продолжен.</translation>
    </message>
    <message>
        <source>Take {n}&apos;s video cannot be read.</source>
        <translation>Видео дубля {n} не читается.</translation>
    </message>
    <message>
        <source>Choose a folder and a file name.</source>
        <translation>Выберите папку и имя файла.</translation>
    </message>
    <message>
        <source>codec</source>
        <translation>кодек</translation>
    </message>
    <message>
        <source>picture size</source>
        <translation>размер кадра</translation>
    </message>
    <message>
        <source>frame rate</source>
        <translation>частота кадров</translation>
    </message>
    <message>
        <source>pixel format</source>
        <translation>формат пикселей</translation>
    </message>
    <message>
        <source>Take {n} cannot be joined to take 1 by copying: its {what} is {found}, take 1&apos;s is {expected}.</source>
        <translation>Дубль {n} нельзя склеить с дублем 1 копированием: у него {what} — {found}, у дубля 1 — {expected}.</translation>
    </message>
    <message>
        <source>Re-encoding is not offered: Hailuo Desktop only copies video and never encodes it, so that it can ship without GPL-licensed encoders. Join takes made with the same model and settings, or re-encode them in a video editor.</source>
        <translation>Перекодирование не предлагается: Hailuo Desktop только копирует видео и никогда не кодирует его, поэтому обходится без кодировщиков под лицензией GPL. Склеивайте дубли, сделанные той же моделью с теми же настройками, или перекодируйте их в видеоредакторе.</translation>
    </message>
    <message>
        <source>{n} takes · {seconds:.1f} s in all</source>
        <translation>Дублей: {n} · всего {seconds:.1f} с</translation>
    </message>
    <message>
        <source>Save the joined video in</source>
        <translation>Сохранить склеенное видео в</translation>
    </message>
</context>
<context>
    <name>JoinFlow</name>
    <message>
        <source>&amp;Join into one video…</source>
        <translation>&amp;Склеить в одно видео…</translation>
    </message>
    <message>
        <source>Join the selected takes in the order you picked them, or one take&apos;s whole shot, into one video</source>
        <translation>Склеить выбранные дубли в порядке выбора — или весь кадр одного дубля — в одно видео</translation>
    </message>
    <message>
        <source>{n} takes joined into {name}.</source>
        <translation>Дубли ({n}) склеены в {name}.</translation>
    </message>
</context>
<context>
    <name>Languages</name>
    <message>
        <source>The system&apos;s language</source>
        <translation>Язык системы</translation>
    </message>
    <message>
        <source>The language of the window; applies from the next start.</source>
        <translation>Язык окна; применяется при следующем запуске.</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Hailuo Desktop</source>
        <translation>Hailuo Desktop</translation>
    </message>
    <message>
        <source>{title} — demo (simulated, nothing is charged)</source>
        <translation>{title} — демо (симуляция, ничего не списывается)</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Файл</translation>
    </message>
    <message>
        <source>&amp;Tasks</source>
        <translation>&amp;Задачи</translation>
    </message>
    <message>
        <source>T&amp;ake</source>
        <translation>&amp;Дубль</translation>
    </message>
    <message>
        <source>&amp;Settings</source>
        <translation>&amp;Настройки</translation>
    </message>
</context>
<context>
    <name>MediaSupport</name>
    <message>
        <source>Videos cannot play inside the window on this computer: its multimedia libraries are missing ({reason}). Install them (on Debian or Ubuntu: the libpulse0 package), or open the video in your own player.</source>
        <translation>На этом компьютере видео не воспроизводится в окне: не хватает мультимедийных библиотек ({reason}). Установите их (в Debian или Ubuntu: пакет libpulse0) или откройте видео в своём плеере.</translation>
    </message>
    <message>
        <source>Open video</source>
        <translation>Открыть видео</translation>
    </message>
    <message>
        <source>Play the video in your own player</source>
        <translation>Воспроизвести видео в вашем плеере</translation>
    </message>
</context>
<context>
    <name>ModelPicker</name>
    <message>
        <source>The API provider that runs and bills the generation.</source>
        <translation>API-провайдер, который выполняет генерацию и выставляет счёт.</translation>
    </message>
    <message>
        <source>The Hailuo model generation.</source>
        <translation>Поколение модели Hailuo.</translation>
    </message>
    <message>
        <source>Quality tier, and whether the video starts from an image or from text.</source>
        <translation>Уровень качества и то, из чего делается видео: из изображения или из текста.</translation>
    </message>
    <message>
        <source>Length of each video.</source>
        <translation>Длительность каждого видео.</translation>
    </message>
    <message>
        <source>Resolution of each video.</source>
        <translation>Разрешение каждого видео.</translation>
    </message>
    <message>
        <source>Let the provider refine the &amp;prompt</source>
        <translation>Пусть провайдер улучшит &amp;промпт</translation>
    </message>
    <message>
        <source>Pro&amp;vider</source>
        <translation>Про&amp;вайдер</translation>
    </message>
    <message>
        <source>&amp;Model</source>
        <translation>&amp;Модель</translation>
    </message>
    <message>
        <source>M&amp;ode</source>
        <translation>Ре&amp;жим</translation>
    </message>
    <message>
        <source>&amp;Duration</source>
        <translation>Д&amp;лина</translation>
    </message>
    <message>
        <source>&amp;Resolution</source>
        <translation>&amp;Разрешение</translation>
    </message>
    <message>
        <source>%1 takes no end frame at %2: choose another resolution to end on a frame.</source>
        <translation>%1 не принимает конечный кадр при %2: выберите другое разрешение, чтобы закончить на кадре.</translation>
    </message>
    <message>
        <source>Text to video</source>
        <translation>Текст в видео</translation>
    </message>
    <message>
        <source>%1 on %2 only animates images.</source>
        <translation>%1 на %2 только оживляет изображения.</translation>
    </message>
    <message>
        <source>Pro</source>
        <translation>Pro</translation>
    </message>
    <message>
        <source>Standard</source>
        <translation>Стандарт</translation>
    </message>
    <message>
        <source>image to video</source>
        <translation>изображение в видео</translation>
    </message>
    <message>
        <source>text to video</source>
        <translation>текст в видео</translation>
    </message>
    <message>
        <source>%1 s (fixed)</source>
        <translation>%1 с (фиксировано)</translation>
    </message>
    <message>
        <source>%1 always makes %2 s videos.</source>
        <translation>%1 всегда делает видео длиной %2 с.</translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation>%1 с</translation>
    </message>
    <message>
        <source>Set by the provider</source>
        <translation>Задаёт провайдер</translation>
    </message>
    <message>
        <source>%1 always renders at %2.</source>
        <translation>%1 всегда рендерит в %2.</translation>
    </message>
    <message>
        <source>%1 takes no resolution setting.</source>
        <translation>%1 не принимает настройку разрешения.</translation>
    </message>
    <message>
        <source>The provider rewrites the prompt for better results; turn off to send it word for word.</source>
        <translation>Провайдер переписывает промпт для лучшего результата; выключите, чтобы отправлять его дословно.</translation>
    </message>
    <message>
        <source>%1 has no prompt optimizer.</source>
        <translation>У %1 нет оптимизации промпта.</translation>
    </message>
</context>
<context>
    <name>Notifier</name>
    <message>
        <source>Hailuo Desktop</source>
        <translation>Hailuo Desktop</translation>
    </message>
    <message>
        <source>Video ready</source>
        <translation>Видео готово</translation>
    </message>
    <message>
        <source>Task failed</source>
        <translation>Задача не удалась</translation>
    </message>
    <message>
        <source>Task needs a check</source>
        <translation>Задачу нужно проверить</translation>
    </message>
    <message>
        <source>Task cancelled</source>
        <translation>Задача отменена</translation>
    </message>
    <message>
        <source>Task finished</source>
        <translation>Задача завершена</translation>
    </message>
</context>
<context>
    <name>PresetBar</name>
    <message>
        <source>Pre&amp;set</source>
        <translation>&amp;Пресет</translation>
    </message>
    <message>
        <source>Apply a saved prompt, model, settings and camera moves</source>
        <translation>Применить сохранённые промпт, модель, настройки и движения камеры</translation>
    </message>
    <message>
        <source>Save…</source>
        <translation>Сохранить…</translation>
    </message>
    <message>
        <source>Save the prompt, model, settings and camera moves under a name</source>
        <translation>Сохранить промпт, модель, настройки и движения камеры под именем</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Удалить</translation>
    </message>
    <message>
        <source>Delete the chosen preset</source>
        <translation>Удалить выбранный пресет</translation>
    </message>
    <message>
        <source>Choose a preset…</source>
        <translation>Выберите пресет…</translation>
    </message>
    <message>
        <source>No presets yet</source>
        <translation>Пресетов нет</translation>
    </message>
</context>
<context>
    <name>PromptEditor</name>
    <message>
        <source>Describe the motion: what moves, how the camera moves…</source>
        <translation>Опишите движение: что движется, как движется камера…</translation>
    </message>
    <message>
        <source>The prompt sent with every video of this batch.</source>
        <translation>Промпт, который отправляется с каждым видео этого пакета.</translation>
    </message>
    <message>
        <source>Prompt</source>
        <translation>Промпт</translation>
    </message>
    <message>
        <source>History…</source>
        <translation>История…</translation>
    </message>
    <message>
        <source>Search your earlier prompts (they are also offered as you type)</source>
        <translation>Искать ваши прежние промпты (они также предлагаются при вводе)</translation>
    </message>
    <message>
        <source>Per image…</source>
        <translation>Отдельно…</translation>
    </message>
    <message>
        <source>Give each image its own prompt, by hand or from a CSV file</source>
        <translation>Задать каждому изображению свой промпт вручную или из файла CSV</translation>
    </message>
    <message>
        <source>Characters used and the most this model takes.</source>
        <translation>Использовано символов и максимум для этой модели.</translation>
    </message>
    <message>
        <source>Camera move</source>
        <translation>Движение камеры</translation>
    </message>
    <message numerus="yes">
        <source>Insert a camera movement at the cursor. With the cursor in or just after a bracket, the movement is combined into it (at most %n per bracket).</source>
        <translation>
            <numerusform>Вставить движение камеры в позицию курсора. Если курсор в скобках или сразу после них, движение объединяется с ними (не больше %n в одних скобках).</numerusform>
            <numerusform>Вставить движение камеры в позицию курсора. Если курсор в скобках или сразу после них, движение объединяется с ними (не больше %n в одних скобках).</numerusform>
            <numerusform>Вставить движение камеры в позицию курсора. Если курсор в скобках или сразу после них, движение объединяется с ними (не больше %n в одних скобках).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The prompt is %n characters over the limit.</source>
        <translation>
            <numerusform>Промпт длиннее предела на %n символ.</numerusform>
            <numerusform>Промпт длиннее предела на %n символа.</numerusform>
            <numerusform>Промпт длиннее предела на %n символов.</numerusform>
        </translation>
    </message>
    <message>
        <source>The prompt is 1 character over the limit.</source>
        <translation>Промпт длиннее предела на 1 символ.</translation>
    </message>
    <message>
        <source>%1 combines more than %2 camera movements.</source>
        <translation>%1 объединяет больше %2 движений камеры.</translation>
    </message>
    <message numerus="yes">
        <source>A bracket combines at most %n camera movements; move the cursor out of it to start a new one.</source>
        <translation>
            <numerusform>В одних скобках не больше %n движения камеры; выведите курсор из скобок, чтобы начать новые.</numerusform>
            <numerusform>В одних скобках не больше %n движений камеры; выведите курсор из скобок, чтобы начать новые.</numerusform>
            <numerusform>В одних скобках не больше %n движений камеры; выведите курсор из скобок, чтобы начать новые.</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 / %2</source>
        <translation>%1 / %2</translation>
    </message>
</context>
<context>
    <name>PromptFlow</name>
    <message>
        <source>A saved preset could not be read and was left out ({why}).</source>
        <translation>Сохранённый пресет не удалось прочитать, он пропущен ({why}).</translation>
    </message>
    <message>
        <source>Preset “{name}” applied.</source>
        <translation>Пресет «{name}» применён.</translation>
    </message>
    <message>
        <source>Replace the preset?</source>
        <translation>Заменить пресет?</translation>
    </message>
    <message>
        <source>A preset called “{name}” exists. Replace it with what compose holds now?</source>
        <translation>Пресет «{name}» уже есть. Заменить его тем, что сейчас в редакторе?</translation>
    </message>
    <message>
        <source>Replace</source>
        <translation>Заменить</translation>
    </message>
    <message>
        <source>Keep it</source>
        <translation>Оставить</translation>
    </message>
    <message>
        <source>Preset “{name}” saved.</source>
        <translation>Пресет «{name}» сохранён.</translation>
    </message>
    <message>
        <source>Save as preset</source>
        <translation>Сохранить как пресет</translation>
    </message>
    <message>
        <source>Name of the preset (the prompt, model, settings and camera moves are saved):</source>
        <translation>Имя пресета (сохраняются промпт, модель, настройки и движения камеры):</translation>
    </message>
    <message>
        <source>Delete the preset?</source>
        <translation>Удалить пресет?</translation>
    </message>
    <message>
        <source>Delete the preset “{name}”? Tasks made with it are not touched.</source>
        <translation>Удалить пресет «{name}»? Задачи, сделанные с ним, не затрагиваются.</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Удалить</translation>
    </message>
    <message>
        <source>Add images first: the table gives each listed image its own prompt.</source>
        <translation>Сначала добавьте изображения: таблица задаёт каждому изображению из списка свой промпт.</translation>
    </message>
    <message>
        <source>Prompts from a CSV file</source>
        <translation>Промпты из файла CSV</translation>
    </message>
    <message>
        <source>CSV files (*.csv *.tsv *.txt)</source>
        <translation>Файлы CSV (*.csv *.tsv *.txt)</translation>
    </message>
</context>
<context>
    <name>PromptTableDialog</name>
    <message>
        <source>Prompts per image</source>
        <translation>Промпты по изображениям</translation>
    </message>
    <message>
        <source>Give an image its own prompt; an empty cell uses the main prompt. A CSV file with two columns, image and prompt (file name or path), fills the table.</source>
        <translation>Задайте изображению свой промпт; пустая ячейка использует основной промпт. Файл CSV с двумя столбцами — изображение и промпт (имя файла или путь) — заполняет таблицу.</translation>
    </message>
    <message>
        <source>Image</source>
        <translation>Изображение</translation>
    </message>
    <message>
        <source>Prompt</source>
        <translation>Промпт</translation>
    </message>
    <message>
        <source>One row per image: its name, and its own prompt (empty: the main prompt)</source>
        <translation>Строка на изображение: его имя и свой промпт (пусто: основной промпт)</translation>
    </message>
    <message>
        <source>Fill from &amp;CSV…</source>
        <translation>Заполнить из &amp;CSV…</translation>
    </message>
    <message>
        <source>C&amp;lear all</source>
        <translation>&amp;Очистить всё</translation>
    </message>
    <message>
        <source>Read the prompts from a CSV file with an image and a prompt column</source>
        <translation>Прочитать промпты из файла CSV со столбцами изображения и промпта</translation>
    </message>
    <message>
        <source>Empty every prompt cell (the main prompt is used)</source>
        <translation>Очистить все ячейки промптов (используется основной промпт)</translation>
    </message>
    <message>
        <source>Use these prompts</source>
        <translation>Использовать эти промпты</translation>
    </message>
    <message>
        <source>Close and keep the prompts as they were</source>
        <translation>Закрыть, оставив промпты как были</translation>
    </message>
    <message>
        <source>{n} of {total} images have their own prompt.</source>
        <translation>Свой промпт у {n} из {total} изображений.</translation>
    </message>
    <message>
        <source>{taken} prompts taken from the file. </source>
        <translation>Промптов взято из файла: {taken}. </translation>
    </message>
</context>
<context>
    <name>ProviderStatus</name>
    <message>
        <source>No {name} key yet: enter one in Settings (Ctrl+,).</source>
        <translation>Ключа {name} пока нет: введите его в настройках (Ctrl+,).</translation>
    </message>
    <message>
        <source>{name} shows no balance through its API.</source>
        <translation>{name} не показывает баланс через свой API.</translation>
    </message>
    <message>
        <source>Balance unavailable: {why}</source>
        <translation>Баланс недоступен: {why}</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>The proxy port is not a number.</source>
        <translation>Порт прокси — не число.</translation>
    </message>
    <message>
        <source>Enter a proxy URL such as http://host:8080 or socks5://host:1080.</source>
        <translation>Введите URL прокси, например http://host:8080 или socks5://host:1080.</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>Настройки</translation>
    </message>
    <message>
        <source>&amp;Keys</source>
        <translation>&amp;Ключи</translation>
    </message>
    <message>
        <source>&amp;General</source>
        <translation>&amp;Общие</translation>
    </message>
    <message>
        <source>&amp;Network</source>
        <translation>&amp;Сеть</translation>
    </message>
    <message>
        <source>Save these settings and close</source>
        <translation>Сохранить эти настройки и закрыть</translation>
    </message>
    <message>
        <source>Close without saving (keys are saved at once)</source>
        <translation>Закрыть без сохранения (ключи сохраняются сразу)</translation>
    </message>
    <message>
        <source>Ask %1 for the balance with this key.</source>
        <translation>Запросить баланс у %1 с этим ключом.</translation>
    </message>
    <message>
        <source>%1 has no balance endpoint, so a key can only be checked by using it.</source>
        <translation>У %1 нет запроса баланса, поэтому ключ можно проверить только в работе.</translation>
    </message>
    <message>
        <source>The app&apos;s own videos folder</source>
        <translation>Собственная папка видео приложения</translation>
    </message>
    <message>
        <source>Where finished videos are saved. Empty: the app&apos;s data folder.</source>
        <translation>Куда сохраняются готовые видео. Пусто: папка данных приложения.</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>Выбрать…</translation>
    </message>
    <message>
        <source>Pick the folder for finished videos.</source>
        <translation>Выбрать папку для готовых видео.</translation>
    </message>
    <message>
        <source>&amp;Output folder</source>
        <translation>&amp;Папка для видео</translation>
    </message>
    <message>
        <source>These providers take an image only as a public URL. For a local image:</source>
        <translation>Эти провайдеры принимают изображение только как публичный URL. Для локального изображения:</translation>
    </message>
    <message>
        <source>%1 images</source>
        <translation>Изображения для %1</translation>
    </message>
    <message>
        <source>How many tasks run at once; the rest wait in the queue.</source>
        <translation>Сколько задач выполняется одновременно; остальные ждут в очереди.</translation>
    </message>
    <message>
        <source>&amp;Tasks at once</source>
        <translation>&amp;Задач одновременно</translation>
    </message>
    <message>
        <source>Ask before sending more than</source>
        <translation>Спрашивать перед отправкой дороже</translation>
    </message>
    <message>
        <source>Notify me when a task or a batch finishes</source>
        <translation>Уведомлять, когда задача или пакет завершены</translation>
    </message>
    <message>
        <source>A desktop notification, also when the window is hidden.</source>
        <translation>Уведомление на рабочем столе, даже когда окно скрыто.</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>&amp;Язык</translation>
    </message>
    <message>
        <source>This provider has no upload API: a local image needs a public URL, or an upload through another provider with your key there.</source>
        <translation>У этого провайдера нет API загрузки: локальному изображению нужен публичный URL или загрузка через другого провайдера с вашим ключом там.</translation>
    </message>
    <message>
        <source>I will paste public image URLs</source>
        <translation>Я буду вставлять публичные URL изображений</translation>
    </message>
    <message>
        <source>Upload through kie.ai (uses the kie.ai key)</source>
        <translation>Загружать через kie.ai (используется ключ kie.ai)</translation>
    </message>
    <message>
        <source>Upload through Apikley (uses the Apikley key)</source>
        <translation>Загружать через Apikley (используется ключ Apikley)</translation>
    </message>
    <message>
        <source>Use the &amp;system proxy settings</source>
        <translation>Использовать &amp;системные настройки прокси</translation>
    </message>
    <message>
        <source>The proxy your desktop or the environment sets, if any</source>
        <translation>Прокси, который задаёт ваш рабочий стол или окружение, если есть</translation>
    </message>
    <message>
        <source>No prox&amp;y</source>
        <translation>Без про&amp;кси</translation>
    </message>
    <message>
        <source>Connect directly, even when the system sets a proxy</source>
        <translation>Подключаться напрямую, даже если система задаёт прокси</translation>
    </message>
    <message>
        <source>&amp;Manual proxy:</source>
        <translation>&amp;Ручной прокси:</translation>
    </message>
    <message>
        <source>This proxy for everything; a password in it is kept in the OS keyring</source>
        <translation>Этот прокси для всего; пароль из него хранится в системной связке ключей</translation>
    </message>
    <message>
        <source>The proxy is used for the API, uploads and downloads alike.</source>
        <translation>Прокси используется для API, загрузки изображений и скачивания видео.</translation>
    </message>
    <message>
        <source>Used for the API, uploads and downloads alike.</source>
        <translation>Используется для API, загрузки изображений и скачивания видео.</translation>
    </message>
    <message>
        <source>Manual proxy URL</source>
        <translation>URL ручного прокси</translation>
    </message>
    <message>
        <source>Stored in the OS keyring.</source>
        <translation>Хранится в системной связке ключей.</translation>
    </message>
    <message>
        <source>From the environment variable %1 (it overrides the keyring).</source>
        <translation>Из переменной окружения %1 (она важнее связки ключей).</translation>
    </message>
    <message>
        <source>Kept for this session only: no OS keyring is available.</source>
        <translation>Только на этот сеанс: системная связка ключей недоступна.</translation>
    </message>
    <message>
        <source>No key.</source>
        <translation>Ключа нет.</translation>
    </message>
    <message>
        <source>No OS keyring is available, so keys are kept in memory for this session only. Set the environment variables to keep them across runs.</source>
        <translation>Системная связка ключей недоступна, поэтому ключи хранятся в памяти только на этот сеанс. Задайте переменные окружения, чтобы сохранить их между запусками.</translation>
    </message>
    <message>
        <source>Folder for finished videos</source>
        <translation>Папка для готовых видео</translation>
    </message>
</context>
<context>
    <name>SettingsFlow</name>
    <message>
        <source>(demo: a built-in fake key, in memory only)</source>
        <translation>(демо: встроенный фиктивный ключ, только в памяти)</translation>
    </message>
    <message>
        <source>No key to test.</source>
        <translation>Нет ключа для проверки.</translation>
    </message>
    <message>
        <source>The key was accepted.</source>
        <translation>Ключ принят.</translation>
    </message>
    <message>
        <source>The key works. {balance}</source>
        <translation>Ключ работает. {balance}</translation>
    </message>
    <message>
        <source>No OS keyring: the proxy password is kept until you quit.</source>
        <translation>Нет системной связки ключей: пароль прокси хранится до выхода из приложения.</translation>
    </message>
    <message>
        <source>Saved. The output folder, proxy, concurrency and language apply from the next start.</source>
        <translation>Сохранено. Папка для видео, прокси, число одновременных задач и язык применятся при следующем запуске.</translation>
    </message>
</context>
<context>
    <name>ShotFlow</name>
    <message>
        <source>Continuing “{prompt}”: describe the next clip and press Generate.</source>
        <translation>Продолжение «{prompt}»: опишите следующий клип и нажмите «Создать».</translation>
    </message>
    <message>
        <source>{name} has no model that takes a last frame: choose kie.ai, Apikley or MiniMax (Hailuo 02).</source>
        <translation>У {name} нет модели, принимающей последний кадр: выберите kie.ai, Apikley или MiniMax (Hailuo 02).</translation>
    </message>
    <message>
        <source>A slot holds one image file, not a folder: drop the folder on the image list.</source>
        <translation>В ячейку помещается один файл изображения, а не папка: перетащите папку в список изображений.</translation>
    </message>
    <message>
        <source>A slot holds one image: {name} was used.</source>
        <translation>В ячейке одно изображение: использовано {name}.</translation>
    </message>
</context>
<context>
    <name>SourceStrip</name>
    <message>
        <source>Start</source>
        <translation>Начало</translation>
    </message>
    <message>
        <source>End</source>
        <translation>Конец</translation>
    </message>
    <message>
        <source>missing</source>
        <translation>отсутствует</translation>
    </message>
</context>
<context>
    <name>StartUp</name>
    <message>
        <source>Something was repaired at start-up</source>
        <translation>При запуске кое-что было исправлено</translation>
    </message>
    <message>
        <source>{count} unfinished task(s) wait for a key; they continue once it is entered.</source>
        <translation>Незавершённых задач, ждущих ключа: {count}; они продолжатся, как только ключ будет введён.</translation>
    </message>
</context>
<context>
    <name>TakeCount</name>
    <message>
        <source>{count}+ takes</source>
        <translation>{count}+ дублей</translation>
    </message>
    <message>
        <source>No takes match</source>
        <translation>Нет подходящих дублей</translation>
    </message>
    <message>
        <source>No takes yet</source>
        <translation>Дублей пока нет</translation>
    </message>
    <message numerus="yes">
        <source>%Ln takes</source>
        <translation>
            <numerusform>%Ln дубль</numerusform>
            <numerusform>%Ln дубля</numerusform>
            <numerusform>%Ln дублей</numerusform>
        </translation>
    </message>
    <message>
        <source>1 take</source>
        <translation>1 дубль</translation>
    </message>
</context>
<context>
    <name>TakeGrid</name>
    <message>
        <source>Takes</source>
        <translation>Дубли</translation>
    </message>
    <message>
        <source>Every take as a tile with its first frame; select one to see it</source>
        <translation>Каждый дубль — плитка с первым кадром; выберите, чтобы посмотреть</translation>
    </message>
    <message>
        <source>Batch {id}</source>
        <translation>Пакет {id}</translation>
    </message>
    <message>
        <source>Single takes</source>
        <translation>Отдельные дубли</translation>
    </message>
    <message>
        <source>No source image</source>
        <translation>Без исходного изображения</translation>
    </message>
</context>
<context>
    <name>TaskActions</name>
    <message>
        <source>No application could open {target}.</source>
        <translation>Ни одно приложение не смогло открыть {target}.</translation>
    </message>
    <message>
        <source>Retry a task that may have been charged?</source>
        <translation>Повторить задачу, за которую, возможно, уже списана плата?</translation>
    </message>
    <message>
        <source>The provider may already have created this task. Check its dashboard first: a retry is a new task and is charged again.</source>
        <translation>Возможно, провайдер уже создал эту задачу. Сначала проверьте его панель: повтор — это новая задача, и она оплачивается снова.</translation>
    </message>
    <message>
        <source>Retry anyway</source>
        <translation>Всё равно повторить</translation>
    </message>
    <message>
        <source>Keep</source>
        <translation>Оставить</translation>
    </message>
    <message>
        <source>Remove a running task?</source>
        <translation>Удалить выполняющуюся задачу?</translation>
    </message>
    <message>
        <source>This task is still running: removing it stops following it, and a video the provider makes will not be saved.</source>
        <translation>Эта задача ещё выполняется: удаление прекращает слежение, и видео, которое сделает провайдер, не сохранится.</translation>
    </message>
    <message>
        <source>Stop and remove</source>
        <translation>Остановить и удалить</translation>
    </message>
    <message>
        <source>Quit while tasks are running?</source>
        <translation>Выйти, пока задачи выполняются?</translation>
    </message>
    <message>
        <source>{n} task(s) are still running or saving their video. They continue when you open the app again, as long as the provider still holds the results.</source>
        <translation>Задач, которые ещё выполняются или сохраняют видео: {n}. Они продолжатся, когда вы снова откроете приложение, пока провайдер хранит результаты.</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>Выход</translation>
    </message>
    <message>
        <source>Keep running</source>
        <translation>Продолжить работу</translation>
    </message>
</context>
<context>
    <name>TaskDetail</name>
    <message>
        <source>Made from</source>
        <translation>Сделано из</translation>
    </message>
    <message>
        <source>Prompt</source>
        <translation>Промпт</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>Настройки</translation>
    </message>
    <message>
        <source>Provider task id</source>
        <translation>ID задачи у провайдера</translation>
    </message>
    <message>
        <source>Cost</source>
        <translation>Стоимость</translation>
    </message>
    <message>
        <source>Created · finished</source>
        <translation>Создано · завершено</translation>
    </message>
    <message>
        <source>Video file</source>
        <translation>Файл видео</translation>
    </message>
    <message>
        <source>Copy details</source>
        <translation>Копировать подробности</translation>
    </message>
    <message>
        <source>Copy the technical details, to send to the provider or to us</source>
        <translation>Копировать технические подробности, чтобы отправить провайдеру или нам</translation>
    </message>
    <message>
        <source>Open video</source>
        <translation>Открыть видео</translation>
    </message>
    <message>
        <source>Open the video in your player</source>
        <translation>Открыть видео в вашем плеере</translation>
    </message>
    <message>
        <source>Show in folder</source>
        <translation>Показать в папке</translation>
    </message>
    <message>
        <source>Open the folder that holds the video</source>
        <translation>Открыть папку с видео</translation>
    </message>
    <message>
        <source>Copy prompt</source>
        <translation>Копировать промпт</translation>
    </message>
    <message>
        <source>Copy the full prompt</source>
        <translation>Копировать полный промпт</translation>
    </message>
    <message>
        <source>Reuse settings</source>
        <translation>Повторить настройки</translation>
    </message>
    <message>
        <source>Put this prompt and these settings in the editor</source>
        <translation>Поместить этот промпт и эти настройки в редактор</translation>
    </message>
    <message>
        <source>Retry</source>
        <translation>Повторить</translation>
    </message>
    <message>
        <source>Start a new task with the same settings (charged again)</source>
        <translation>Запустить новую задачу с теми же настройками (оплачивается снова)</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Отмена</translation>
    </message>
    <message>
        <source>Stop following this task (a task already sent may still be charged)</source>
        <translation>Перестать следить за этой задачей (за уже отправленную задачу плата всё равно может быть списана)</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Удалить</translation>
    </message>
    <message>
        <source>Remove from the list (the video file stays) · Delete</source>
        <translation>Убрать из списка (файл видео остаётся) · Delete</translation>
    </message>
    <message>
        <source>Continue…</source>
        <translation>Продолжить…</translation>
    </message>
    <message>
        <source>Start the next clip from this take&apos;s last frame</source>
        <translation>Начать следующий клип с последнего кадра этого дубля</translation>
    </message>
    <message>
        <source>being sent, no answer yet</source>
        <translation>отправляется, ответа ещё нет</translation>
    </message>
    <message>
        <source>not sent yet</source>
        <translation>ещё не отправлено</translation>
    </message>
    <message>
        <source>Select a task to see its video and details.</source>
        <translation>Выберите задачу, чтобы увидеть её видео и подробности.</translation>
    </message>
    <message>
        <source>The video appears here when the task is done.</source>
        <translation>Видео появится здесь, когда задача будет готова.</translation>
    </message>
</context>
<context>
    <name>TaskListModel</name>
    <message>
        <source>Prompt</source>
        <translation>Промпт</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>Модель</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Состояние</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Время</translation>
    </message>
    <message>
        <source>Cost</source>
        <translation>Стоимость</translation>
    </message>
    <message>
        <source>{state}, {progress}, {prompt}</source>
        <translation>{state}, {progress}, {prompt}</translation>
    </message>
    <message>
        <source>waiting</source>
        <translation>ожидание</translation>
    </message>
    <message>
        <source>{elapsed} · ~{left} left</source>
        <translation>{elapsed} · осталось ~{left}</translation>
    </message>
    <message>
        <source>{elapsed} · any moment</source>
        <translation>{elapsed} · вот-вот</translation>
    </message>
</context>
<context>
    <name>TaskListPanel</name>
    <message>
        <source>Show only tasks in this state</source>
        <translation>Показывать только задачи в этом состоянии</translation>
    </message>
    <message>
        <source>Search tasks</source>
        <translation>Поиск задач</translation>
    </message>
    <message>
        <source>Search prompts, file names, task ids (Ctrl+F)</source>
        <translation>Поиск по запросам, именам файлов, ID задач (Ctrl+F)</translation>
    </message>
    <message>
        <source>Show only the tasks whose prompt or source file name has words starting with these, or whose id starts with this (Ctrl+F)</source>
        <translation>Показать только задачи, в запросе или имени исходного файла которых есть слова, начинающиеся так, или чей ID начинается так (Ctrl+F)</translation>
    </message>
    <message>
        <source>Tasks</source>
        <translation>Задачи</translation>
    </message>
    <message>
        <source>Every task, newest first: its state, progress and prompt. Select one to see its video and details.</source>
        <translation>Все задачи, новые сверху: состояние, ход и промпт. Выберите задачу, чтобы увидеть её видео и подробности.</translation>
    </message>
    <message>
        <source>No tasks yet.
Drop images on the left, write a prompt and press Generate (Ctrl+Enter).</source>
        <translation>Задач пока нет.
Перетащите изображения влево, напишите промпт и нажмите «Создать» (Ctrl+Enter).</translation>
    </message>
    <message>
        <source>No task matches this filter.</source>
        <translation>Нет задач, подходящих под этот фильтр.</translation>
    </message>
    <message>
        <source>{done}/{total} done</source>
        <translation>готово {done}/{total}</translation>
    </message>
    <message>
        <source>Running batch: {counts}</source>
        <translation>Выполняется пакет: {counts}</translation>
    </message>
    <message>
        <source>Running batches: {counts}</source>
        <translation>Выполняются пакеты: {counts}</translation>
    </message>
</context>
<context>
    <name>Transport</name>
    <message>
        <source>Play or pause (Space)</source>
        <translation>Воспроизвести или приостановить (Пробел)</translation>
    </message>
    <message>
        <source>One frame back (Left)</source>
        <translation>На кадр назад (Влево)</translation>
    </message>
    <message>
        <source>One frame forward (Right)</source>
        <translation>На кадр вперёд (Вправо)</translation>
    </message>
    <message>
        <source>Scrub through the clip</source>
        <translation>Перемотка по клипу</translation>
    </message>
    <message>
        <source>Position</source>
        <translation>Позиция</translation>
    </message>
    <message>
        <source>Loop</source>
        <translation>Повтор</translation>
    </message>
    <message>
        <source>Play again from the start at the end (L)</source>
        <translation>В конце начинать сначала (L)</translation>
    </message>
</context>
<context>
    <name>VideoPlayer</name>
    <message>
        <source>Sound off</source>
        <translation>Звук выкл.</translation>
    </message>
    <message>
        <source>Play the clip&apos;s sound (M)</source>
        <translation>Включить звук клипа (M)</translation>
    </message>
    <message>
        <source>Fullscreen</source>
        <translation>Во весь экран</translation>
    </message>
    <message>
        <source>Show the video on the whole screen (F; Esc leaves)</source>
        <translation>Показать видео на весь экран (F; Esc — выход)</translation>
    </message>
    <message>
        <source>Sound on</source>
        <translation>Звук вкл.</translation>
    </message>
</context>
<context>
    <name>Workspace</name>
    <message>
        <source>starred</source>
        <translation>отмечены</translation>
    </message>
    <message>
        <source>unstarred</source>
        <translation>отметка снята</translation>
    </message>
    <message>
        <source>rejected (hidden)</source>
        <translation>отклонено (скрыто)</translation>
    </message>
    <message>
        <source>back in view</source>
        <translation>снова на виду</translation>
    </message>
    <message>
        <source>Select 2 to 4 finished takes to compare them.</source>
        <translation>Выберите от 2 до 4 готовых дублей, чтобы сравнить их.</translation>
    </message>
    <message>
        <source>{n} video file(s) copied: paste them in a file manager or an editor.</source>
        <translation>Скопировано файлов видео: {n}; вставьте их в файловый менеджер или редактор.</translation>
    </message>
    <message>
        <source>No finished video among the selected takes.</source>
        <translation>Среди выбранных дублей нет готового видео.</translation>
    </message>
    <message>
        <source>Export stopped</source>
        <translation>Экспорт остановлен</translation>
    </message>
    <message>
        <source>The folder {folder} cannot be written: {why}</source>
        <translation>В папку {folder} нельзя записать: {why}</translation>
    </message>
    <message>
        <source>{n} take(s) exported to {folder}.</source>
        <translation>Дублей экспортировано в {folder}: {n}.</translation>
    </message>
    <message>
        <source>Stop following {n} takes?</source>
        <translation>Перестать следить за {n} дублями?</translation>
    </message>
    <message>
        <source>Stop following</source>
        <translation>Перестать следить</translation>
    </message>
    <message>
        <source>Keep following</source>
        <translation>Продолжать следить</translation>
    </message>
</context>
<context>
    <name>dialog</name>
    <message>
        <source>Paste your %1 key</source>
        <translation>Вставьте ключ %1</translation>
    </message>
    <message>
        <source>Or set %1 in the environment; it overrides the keyring.</source>
        <translation>Или задайте %1 в окружении; она важнее связки ключей.</translation>
    </message>
    <message>
        <source>Save to keyring</source>
        <translation>Сохранить в связку ключей</translation>
    </message>
    <message>
        <source>Store this key in the OS keyring, never in a file.</source>
        <translation>Сохранить этот ключ в системной связке ключей, никогда не в файле.</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Удалить</translation>
    </message>
    <message>
        <source>Remove the stored key for %1.</source>
        <translation>Удалить сохранённый ключ %1.</translation>
    </message>
    <message>
        <source>Test key</source>
        <translation>Проверить ключ</translation>
    </message>
</context>
</TS>
